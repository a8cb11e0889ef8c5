# Transcription of seed 000 (shared/seeds/000_697ce9765d155c0e.txt),
# 3-қосымша, 1-кесте (seed lines 793-813); narrative list of processes and
# conditions: п. 6, items 2)-16) (seed lines 121-151).
@service:apostille-education-2012 @channel:portal @seed:000
Feature: Apostille of education documents (2012) — portal (ЭҮП)
  «Қазақстан Республикасы білім беру, ғылым органдарынан және оқу орындарынан
  шығатын ресми құжаттарды апостильдеу» электронды мемлекеттік қызметінің регламенті.

  Background:
    Given the regulation:
      | field    | value                                                                                                                                               |
      | title_kk | «Қазақстан Республикасы білім беру, ғылым органдарынан және оқу орындарынан шығатын ресми құжаттарды апостильдеу» электронды мемлекеттік қызметінің регламенті |
      | title_en | Regulation of the e-service "Apostille of official documents issued by education and science bodies and educational institutions of the Republic of Kazakhstan" |
      | act      | Қазақстан Республикасы Білім және ғылым министрінің 2012 жылғы 21 қыркүйектегі № 433 бұйрығы (ҚР Әділет министрлігінде 2012 жылы 15 қазанда № 8017 тіркелді) |
      | seed     | 000_697ce9765d155c0e.txt                                                                                                                            |
      | table    | 3-қосымша, 1-кесте. ЭҮП арқылы көрсетілетін ҚФБ іс-қимылын сипаттау                                                                                  |
    And the step table:
      | n  | actor   | action_kk                                                                                                        | action_en                                                                  | completion_kk                                                                                                        | limit     | next                                                            | outcome |
      | 1  | Алушы   | ЖСН арқылы парольді көрсетіп ЭҮП-ке ену                                                                          | The applicant signs in to the portal with IIN and password                 | ЖСН арқылы ЭҮП авторизацияланды                                                                                      | 10–15 сек | 2 алушының құжатында бұзушылық болса ; 3-авторизация табысты өтсе |         |
      | 2  | ЭҮП     | Алушының деректерінде бұзушылық болуына байланысты бас тартылу туралы хабарлама қалыптасады.                      | The portal refuses authorization because of defects in the applicant's data | Қызмет берушінің деректерінде бұзушылық болуына байланысты бас тартылу туралы хабарлама авторизацияланды              | 20 сек    | –                                                               | refusal |
      | 3  | Алушы   | Қызметті таңдап және сұранысты толтырады, ЭЦҚ таңдайды.                                                          | The applicant chooses the service, fills in the request, chooses an EDS   | Қызметті таңдалып және сұраныс толтырылды, сұранысты растау үшін ЭЦҚ таңдалынды                                       | 1,5 мин   | -                                                               |         |
      | 4  | ЭҮП     | ЭЦҚ дұрыстығын тексеру                                                                                           | The portal checks the EDS (validity, revocation, IIN match) at the НУЦ    | ЭЦҚ дұрыстығын тексерілді                                                                                            | 1,5 мин   | 5                                                               |         |
      | 5  | ЭҮП     | Алушының түпнұсқасын расталуына байланысты бас тарту туралы хабарлама қалыптасады                                | The portal refuses because the applicant's EDS is not confirmed           | Алушының түпнұсқасын расталмауына байланысты бас тарту туралы хабарлама қалыптасады                                  | 10–15 сек | 6 – егер ЭЦҚ қате болса, 7 егер ЭЦҚ қат болмаса                  | refusal |
      | 6  | Алушы   | Сұранысты ЭЦҚ арқылы растау (қол қою)                                                                            | The applicant signs the request with the EDS                              | ЭЦҚ арқылы расталған сұраныс                                                                                         | 10–15 сек |                                                                 |         |
      | 7  | ХҚКО АЖ | Сұранысты тіркеу және ХҚО АЖ қызметін өңдеу (қызмет беруші АРМ)                                                  | The request is registered and processed in the PSC IS (provider's workstation) | Электронды құжат ХҚО АЖ (қызмет беруші АРМ) тіркелді және ХҚО АЖ (қызмет беруші АРМ) өңделеді                    | 10–15 сек | 8 - Құжаттардың сәйкестігін тексеру                             |         |
      | 8  | ХҚКО АЖ | Алушының деректеріндегі бұзушылықтарға байланысты сұратылған қызмет көрсетуден бас тарту туралы хабарлама қалыптастыру | The PSC IS refuses the service because of defects in the applicant's data (reasoned refusal) | Алушының деректеріндегі бұзушылықтарға байланысты қызмет көрсетуден бас тарту туралы хабарлама          | 10-15 сек | -                                                               | refusal |
      | 9  | ЭҮШТ    | Қызметті төлеу                                                                                                   | The service is paid through the e-government payment gateway             | ЭҮШТ қалыптасқан қызметті төлеу туралы түбіртек                                                                      | 1,5 мин   | -                                                               |         |
      | 10 | ЭҮП     | Төлемақы болмауына байланысты қызмет көрсетуден бас тарту                                                        | The portal refuses the service because it was not paid                    | Төлемақы болмауына байланысты қызмет көрсетуден бас тарту туралы хабарлама                                           | 1,5 мин   | 9 – егер төлемесе, 10 – егер төлесе                             | refusal |
      | 11 | ЭҮП     | Алушының қызмет нәтижесін алуы                                                                                   | The applicant receives the result (notice of acceptance, signed by the provider) | Қызметтің нәтижесі алынады                                                                                  | 5 минут   | -                                                               | result  |
    And the errata:
      | at                | field | act_says                                       | read_as                                                        | why                                                                                                                                                                                  |
      | 3                 | next  | -                                              | 4                                                              | Narrative п. 6 5)-6): choosing the EDS (3-процесс) is followed by the EDS check (4-процесс); "-" would end the flow before the request exists.                                        |
      | 4                 | next  | 5                                              | 5 – егер ЭЦҚ қате болса; 6 – егер ЭЦҚ қате болмаса             | 2-шарт (п. 6 7)) branches after the check: refusal (5-процесс) if the EDS is not confirmed, signing (6-процесс) otherwise. The act wrote this branch on row 5, shifted by one.          |
      | 5                 | next  | 6 – егер ЭЦҚ қате болса, 7 егер ЭЦҚ қат болмаса | –                                                              | Row 5 is the refusal message (5-процесс, п. 6 8)); its branch belongs to row 4 (numbers shifted by one). Read as an end.                                                             |
      | 6                 | next  |                                                | 7                                                              | After signing (6-процесс, п. 6 9)) the request is registered (7-процесс, п. 6 10)); the act leaves the cell empty.                                                                 |
      | 7                 | next  | 8 - Құжаттардың сәйкестігін тексеру            | 8 – егер құжаттар сәйкес болмаса; 9 – егер құжаттар сәйкес болса | 3-шарт (п. 6 11)): the provider checks the education document; refusal (8-процесс, п. 6 12)) if it fails, payment (9-процесс, п. 6 13)) otherwise. The act names only the refusal. |
      | 9                 | next  | -                                              | 10 – егер төлемесе; 11 – егер төлесе                           | 4-шарт (п. 6 14)): payment is checked; refusal (10-процесс, п. 6 15)) if unpaid, result (11-процесс, п. 6 16)) if paid. The act wrote this branch on row 10, shifted by one.           |
      | 10                | next  | 9 – егер төлемесе, 10 – егер төлесе            | –                                                              | Row 10 is the refusal for non-payment (10-процесс); its verbatim branch belongs to row 9 and would loop back to 9 and to itself. Read as an end.                                      |
      | term service-term | limit | 2 күн ішінде                                   | 2 жұмыс күні ішінде                                            | The Russian screen of the same step (2-қосымша, seed lines 612 and 641) says «В течение 2 рабочих дней»: working days; the Kazakh screen dropped «жұмыс».                                    |
    And the service terms:
      | term          | kind      | text_kk                                  | text_ru                                                                      | value        | source                                       |
      | service-term  | time      | Қызметті көрсету мерзімі: 2 күн ішінде   | Срок оказания услуги: В течение 2 рабочих дней                               | 2 күн ішінде | 2-қосымша, 3-4 қадам screens (seed lines 612, 626) |
      | fee           | fee       | Төлем сомасы (KZT): 809,00               | Сумма платежа (KZT): 809,00                                                  | 0,5 АЕК      | 2-қосымша, e-pay receipt (seed lines 735, 771): 809 KZT = 0,5 × 1 618 (2012 МРП) |
      | payment-valid | note      |                                          | Счет-заявка действительна до 20.09.2012                                      |              | 2-қосымша, e-pay invoice (seed line 692)     |
    And the status texts:
      | status                    | kk                          | ru                                                                          | source                            |
      | accepted-awaiting-payment | Өтініш қабылданды. Төлеу    | Заявление принято. Оплатить                                                 | 2-қосымша, 3-4 қадам (seed lines 611, 625) |
      | cancelled-payment-expired |                             | Запрос отменен. Истек срок ожидания оплаты. Необходимо заново подать запрос | 2-қосымша (seed line 640)         |

  @main
  Scenario: Main flow — the notice of acceptance is issued
    Given an applicant with a "good" certificate
    And the applicant will pay the invoice
    And the provider will approve the request
    When the applicant applies for the service
    Then step 1 is done — sign in
    And step 3 is done — fill in the request, choose the EDS
    And step 4 is done — EDS checked
    And step 6 is done — request signed
    And step 7 is done — registered at the provider
    And step 9 is done — paid
    And step 11 is done — result received

  @refusal
  Scenario: Refusal — authorization refused
    Given the applicant's password is wrong
    When the applicant applies for the service
    Then step 1 is done — sign in
    And step 2 is done — authorization refused

  @refusal
  Scenario Outline: Refusal — the EDS is not confirmed (<certificate> certificate)
    Given an applicant with a "<certificate>" certificate
    When the applicant applies for the service
    Then step 1 is done — sign in
    And step 3 is done — fill in the request, choose the EDS
    And step 4 is done — EDS checked
    And step 5 is done — refusal: EDS not confirmed

    Examples:
      | certificate  |
      | revoked      |
      | expired      |
      | iin-mismatch |

  @refusal
  Scenario: Refusal — the provider refuses with reasons
    Given an applicant with a "good" certificate
    And the provider will refuse the request with reason "Білім туралы құжат расталмады"
    When the applicant applies for the service
    Then step 1 is done — sign in
    And step 3 is done — fill in the request, choose the EDS
    And step 4 is done — EDS checked
    And step 6 is done — request signed
    And step 7 is done — registered at the provider
    And step 8 is done — reasoned refusal

  @refusal
  Scenario: Refusal — the invoice is not paid
    Given an applicant with a "good" certificate
    And the provider will approve the request
    And the applicant will not pay the invoice
    When the applicant applies for the service
    Then step 1 is done — sign in
    And step 3 is done — fill in the request, choose the EDS
    And step 4 is done — EDS checked
    And step 6 is done — request signed
    And step 7 is done — registered at the provider
    And step 9 is done — invoice issued, not paid
    And step 10 is done — refusal: not paid
    And the request status reads "cancelled-payment-expired"
