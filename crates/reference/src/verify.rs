//! Checking the applicant's (or operator's) EDS the way the acts require:
//! "ЭЦҚ дұрыстығын тексеру" — the CMS signature itself, the certificate's
//! validity period, its revocation status at the certification authority
//! (OCSP) and that its IIN is the one the request names.

use crate::engine::Ctx;
use crate::faults::Fault;

/// `Ok(())` when the signature is accepted; `Err(reason)` when the act's
/// refusal applies; the outer `Err` when the check itself could not be done
/// (the responder unreachable): the request must not go on as if signed.
pub async fn check(
    cms: &[u8],
    payload: &[u8],
    expected_iin: &str,
    ctx: &Ctx,
) -> Result<Result<(), String>, String> {
    if ctx.faults.on(Fault::SignatureNotVerified) {
        return Ok(Ok(()));
    }
    let signer = match signer(cms, payload, ctx) {
        Ok(s) => s,
        Err(why) => return Ok(Err(why)),
    };
    certificate(&signer, expected_iin, ctx).await
}

/// The CMS signature over `payload`, by a certificate of the trusted CA.
pub fn signer(
    cms: &[u8],
    payload: &[u8],
    ctx: &Ctx,
) -> Result<reglament_signature::Signer, String> {
    reglament_signature::verify(cms, payload, &ctx.clients.at.ca_pem)
        .map_err(|e| format!("ЭЦҚ расталмады: {e}"))
}

/// The signer's certificate: valid now, not revoked (OCSP), and the
/// certificate of `expected_iin`. Results as for [`check`].
pub async fn certificate(
    signer: &reglament_signature::Signer,
    expected_iin: &str,
    ctx: &Ctx,
) -> Result<Result<(), String>, String> {
    let ca = &ctx.clients.at.ca_pem;
    let now = ctx.clock.now_utc();
    if !signer.valid_at(now) {
        return Ok(Err(format!(
            "ЭЦҚ тіркеу куәлігінің қолданылу мерзімі жарамсыз ({} – {})",
            signer.not_before.format("%Y-%m-%d"),
            signer.not_after.format("%Y-%m-%d")
        )));
    }
    if !ctx.faults.on(Fault::RevokedAccepted) {
        let request = reglament_signature::ocsp_request(&signer.certificate_der, ca)
            .map_err(|e| format!("cannot build the OCSP request: {e}"))?;
        let response = ctx
            .clients
            .ocsp(request.clone())
            .await
            .map_err(|e| format!("the certificate's status could not be checked: {e}"))?;
        let status = reglament_signature::ocsp_status_for_request(
            &response,
            &request,
            &signer.certificate_der,
            ca,
        )
        .map_err(|e| format!("the OCSP answer is not valid: {e}"))?;
        match status {
            reglament_signature::CertStatus::Good => {}
            reglament_signature::CertStatus::Revoked { at } => {
                return Ok(Err(format!(
                    "ЭЦҚ тіркеу куәлігі кері қайтарылған ({})",
                    at.format("%Y-%m-%d %H:%M")
                )))
            }
            reglament_signature::CertStatus::Unknown => {
                return Ok(Err("ЭЦҚ тіркеу куәлігі ҰКО-ға белгісіз".into()))
            }
        }
    }
    if !ctx.faults.on(Fault::IinMismatchIgnored) && signer.iin.as_deref() != Some(expected_iin) {
        return Ok(Err(format!(
            "ЭЦҚ иесінің ЖСН-і ({}) өтініштегі ЖСН-мен ({expected_iin}) сәйкес келмейді",
            signer.iin.clone().unwrap_or_default()
        )));
    }
    Ok(Ok(()))
}
