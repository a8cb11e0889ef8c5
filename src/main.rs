//! `reglament`: a thin binary over the libraries in crates/.
//! Exit codes are documented in [`reglament::exit::Code`] and the README.

fn main() -> std::process::ExitCode {
    reglament::cli::main()
}
