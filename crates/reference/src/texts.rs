//! Status texts shown to the applicant, in Kazakh and Russian. Where an act
//! (or its portal screenshots) gives the wording, it is used verbatim; the
//! rest are the portal's usual wordings.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Texts {
    pub kk: String,
    pub ru: String,
}

fn t(kk: &str, ru: &str) -> Texts {
    Texts {
        kk: kk.into(),
        ru: ru.into(),
    }
}

/// Statuses the reference reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Accepted,
    AwaitingSignature,
    /// Seed 000, 2-қосымша, 3-4 қадам: «Өтініш қабылданды. Төлеу».
    AwaitingPayment,
    InProgress,
    AwaitingHearing,
    /// Seed 000, 2-қосымша: «Запрос отменен. Истек срок ожидания оплаты…».
    PaymentExpired,
    Refused,
    Completed,
    Failed,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Accepted => "accepted",
            Status::AwaitingSignature => "awaiting-signature",
            Status::AwaitingPayment => "accepted-awaiting-payment",
            Status::InProgress => "in-progress",
            Status::AwaitingHearing => "awaiting-hearing",
            Status::PaymentExpired => "cancelled-payment-expired",
            Status::Refused => "refused",
            Status::Completed => "completed",
            Status::Failed => "failed",
        }
    }

    pub fn texts(self) -> Texts {
        match self {
            Status::Accepted => t("Өтініш қабылданды", "Заявление принято"),
            Status::AwaitingSignature => t("Өтінішке ЭЦҚ қойыңыз", "Подпишите заявление ЭЦП"),
            Status::AwaitingPayment => t("Өтініш қабылданды. Төлеу", "Заявление принято. Оплатить"),
            Status::InProgress => t("Өтініштің іске алынған", "Заявление принято в работу"),
            Status::AwaitingHearing => t("Тыңдау рәсімі тағайындалды", "Назначено заслушивание"),
            Status::PaymentExpired => t(
                "",
                "Запрос отменен. Истек срок ожидания оплаты. Необходимо заново подать запрос",
            ),
            Status::Refused => t(
                "Қызмет көрсетуден бас тартылды",
                "В оказании услуги отказано",
            ),
            Status::Completed => t("Қызмет көрсетілді", "Услуга оказана"),
            Status::Failed => t("Техникалық қате", "Техническая ошибка"),
        }
    }
}

/// What the `wrong-status-text` fault shows instead.
pub fn wrong() -> Texts {
    t("Өңделуде", "В обработке")
}
