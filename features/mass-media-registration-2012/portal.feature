# Transcription of seed 004 (shared/seeds/004_1c5361d39ce2acd8.txt), third regulation
# (3-қосымша of order № 178, «Бұқаралық ақпарат құралдарын есепке қою», seed lines 1354-1828):
# 2-қосымша, 1-Кесте. ЭҮП арқылы ҚФБ іс-әрекетінің сипаттамасы (seed lines 1592-1703);
# narrative list of processes and conditions: п. 6, items 1)-16) (seed lines 1442-1493).
# The export holds only columns 1-5 of this table (one block, cells one per line, column after
# column; no continuation block in the seed), while the narrative has 11 processes. Rows 1-5 are
# the table's cells, rebuilt by column position (line 1599 the five actors, line 1686 the five
# limits; the next column is lines 1691-1696 (row 1), 1698 "- 4" (rows 2-3), 1699-1701 (row 4)
# and 1703 (row 5)).
# This table repeats, cell for cell, the portal table of the first regulation (seed lines
# 370-481), except the next of row 4, which here rightly reads "5 – егер төлемесе" (the first
# regulation's table has "4"). It agrees with this regulation's own narrative п. 6 (payment
# through ЭҮТШ, 4-процесс; payment checked by the provider's АЖО, 2-шарт; EDS checked after the
# payment, 3-шарт), except the actor of row 5 (erratum). Row 4's actor "ЭҮПШ" is the act's
# spelling of ЭҮТШ (the payment gateway, п. 5 15), seed line 1430) and stays as printed.
# Rows 6-11 are NOT in the exported table: their action_kk is the narrative item's text
# (п. 6 9), 11)-13), 15), 16)), verbatim without the list's ";", the actor is the participant
# the narrative names (ЭҮП for 7-процесс, after 3-шарт "ЭҮП ... тексеру"; қызмет көрсетушінің
# АЖО for 9- and 10-процесс), completion, limit and next are empty, each next read by an
# erratum citing the narrative.
# Letter-spaced runs of the export ("т а р т у", "ж а т қ а н", "қызметт і", "с ә т т і",
# "деректер iн", "т у р а л ы …") are joined; the act's characters (Latin "i" in тiркеу,
# куәлiгiн …) are kept.
# The act states no service term, fee or status texts for this service (it refers to the
# Standard, ҚР Үкіметінің 2012 жылғы 9 қазандағы № 1278 қаулысы, seed lines 1367-1370).
@service:mass-media-registration-2012 @channel:portal @seed:004 @regulation:3
Feature: Registration of mass media (2012) — portal (ЭҮП)
  «Бұқаралық ақпарат құралдарын есепке қою» электрондық мемлекеттік қызметтің регламенті.

  Background:
    Given the regulation:
      | field    | value                                                                                                                                                                                                                                                                                                 |
      | title_kk | «Бұқаралық ақпарат құралдарын есепке қою» электрондық мемлекеттік қызметтің регламенті                                                                                                                                                                                                                |
      | title_en | Regulation of the e-service "Registration of mass media"                                                                                                                                                                                                                                              |
      | act      | Қазақстан Республикасы Мәдениет және ақпарат министрінің 2012 жылғы 7 қарашадағы № 178 Бұйрығы. Қазақстан Республикасы Әділет министрлігінде 2012 жылы 10 желтоқсанда № 8141 тіркелді. Күші жойылды - Қазақстан Республикасы Мәдениет және спорт министрінің 2016 жылғы 11 сәуірдегі № 100 бұйрығымен |
      | seed     | 004_1c5361d39ce2acd8.txt                                                                                                                                                                                                                                                                              |
      | table    | 2-қосымша, 1-Кесте. ЭҮП арқылы ҚФБ іс-әрекетінің сипаттамасы                                                                                                                                                                                                                                          |
    And the step table:
      | n  | actor                   | action_kk                                                                                                                                                              | action_en                                                                                                                                                                  | completion_kk                                                                                              | limit        | next                                                                                       | outcome |
      | 1  | Алушы                   | Алушының ЭЦҚ тiркеу куәлiгiн компьютердiң интернет-браузерiне бекiту                                                                                                   | The applicant attaches the EDS certificate in the browser and signs in to the portal (authorization)                                                                       | Сауал салу сәтті қалыптастырылғандығы туралы хабарламаны шығару                                            | 10–15 секунд | 2 – егер алушының деректерінде бұзушылықтар бар болса; 3 – егер авторизациялану сәтті өтсе |         |
      | 2  | ЭҮП                     | Алушының деректерiндегi бұзушылықтармен байланысты бас тарту хабарламасын қалыптастырады                                                                               | The portal refuses authorization because of defects in the applicant's data                                                                                                | Сауал салынып жатқан электрондық мемлекеттік қызметті көрсетуден бас тарту туралы хабарламаны қалыптастыру | 20 секунд    | -                                                                                          | refusal |
      | 3  | Алушы                   | Қажеттi құжаттарды электрондық түрде бекiтумен сауал деректерiн қалыптастырады және қызметтi таңдайды                                                                  | The applicant chooses the service, fills in the request and attaches the documents electronically                                                                          | Сауал салу сәтті қалыптастырылғандығы туралы хабарламаны шығару                                            | 1,5 минут    | 4                                                                                          |         |
      | 4  | ЭҮПШ                    | Қызмет төлемақысын жасау                                                                                                                                               | The payment gateway takes the payment; the provider's workstation checks it                                                                                                | Іс-әрекеттің сәтті аяқталғандығы туралы хабарламаны шығару                                                 | 1,5 минут    | 5 – егер төлемесе; 6 – егер төлесе                                                         |         |
      | 5  | ЭҮП                     | Төлемақының жоқтығына байланысты бас тарту туралы хабарламаны қалыптастырады                                                                                           | Refusal because the service was not paid                                                                                                                                   | Сауал салынып жатқан электрондық мемлекеттік қызметті көрсетуден бас тарту туралы хабарламаны қалыптастыру | 20 секунд    | -                                                                                          | refusal |
      | 6  | Алушы                   | алушының сауалды куәландыру (қол қою) үшiн ЭЦҚ тiркеу куәлiгiн таңдауы                                                                                                 | [narrative п. 6 9), not in the exported table] The applicant chooses the EDS certificate to sign the request                                                               |                                                                                                            |              |                                                                                            |         |
      | 7  | ЭҮП                     | алушының ЭЦҚ шынайылығының расталмауына байланысты сұрау салынған қызметтен бас тарту туралы хабарламаны құрастыру                                                     | [narrative п. 6 11), not in the exported table] Refusal because the applicant's EDS is not confirmed                                                                       |                                                                                                            |              |                                                                                            | refusal |
      | 8  | Алушы                   | алушының ЭЦҚ көмегiмен сауалдың толтырылған нысанын (енгiзiлген деректердi) және оған қызмет көрсетудiң электрондық түрде бекiтiлген құжаттарын куәландыруы (қол қоюы) | [narrative п. 6 12), not in the exported table] The applicant signs the request and the attached documents with the EDS                                                    |                                                                                                            |              |                                                                                            |         |
      | 9  | қызмет көрсетушінің АЖО | қызмет көрсетушінің АЖО электрондық құжатты (алушының сауал салуын) тiркеу және қызмет көрсетушінің АЖО сауалды өңдеу                                                  | [narrative п. 6 13), not in the exported table] The provider's workstation registers and processes the request                                                             |                                                                                                            |              |                                                                                            |         |
      | 10 | қызмет көрсетушінің АЖО | қызмет көрсетушінің АЖО алушының деректерiнде бұзушылықтардың болуына байланысты сұрау салынған қызметтi көрсетуден бас тарту туралы хабарламаны құрастыру             | [narrative п. 6 15), not in the exported table] The provider refuses because the grounds for registration are not met (reasoned refusal)                                   |                                                                                                            |              |                                                                                            | refusal |
      | 11 | Алушы                   | алушының ЭҮП қалыптастырған қызмет нәтижесiн (хабарламаны) алуы. Электрондық құжат қызмет көрсетушінің уәкiлеттi тұлғасының ЭЦҚ пайдаланумен құрастырылады.            | [narrative п. 6 16), not in the exported table] The applicant receives the result (a notice formed at the portal), signed with the EDS of the provider's authorized person |                                                                                                            |              |                                                                                            | result  |
    And the errata:
      | at | field | act_says | read_as                                                                                        | why                                                                                                                                                                                                                                                                                                                                                                    |
      | 5  | actor | ЭҮП      | қызмет көрсетушінің АЖО                                                                        | п. 6 7)-8) (seed lines 1465-1472): the payment is checked by the provider's АЖО (2-шарт) and 5-процесс is "қызмет көрсетушінің АЖО ... бас тарту туралы хабарламаны құрастыру"; the table (seed line 1599) names ЭҮП.                                                                                                                                                  |
      | 6  | next  |          | 7 – егер ЭЦҚ расталмаса; 8 – егер ЭЦҚ расталса                                                 | Row taken from the narrative (the seed exports only columns 1–5; row 4 goes to "6" when paid, seed lines 1699-1701). 3-шарт (п. 6 10), seed lines 1475-1478): ЭҮП checks the EDS certificate (validity, revocation, IIN/BIN match); refusal 7-процесс (п. 6 11), seed lines 1479-1480) if not confirmed, signing 8-процесс (п. 6 12), seed lines 1481-1483) otherwise. |
      | 6  | row   |          | п. 6 9), seed lines 1473-1474                                                                  | The published table has only rows 1–5 (the seed exports one block of columns 1–5, with no continuation); this row is the narrative's process, which gives no completion form and no time limit.                                                                                                                                                                        |
      | 7  | row   |          | п. 6 11), seed lines 1479-1480                                                                 | The published table has only rows 1–5 (the seed exports one block of columns 1–5, with no continuation); this row is the narrative's process, which gives no completion form and no time limit.                                                                                                                                                                        |
      | 8  | next  |          | 9                                                                                              | Row taken from the narrative (the seed exports only columns 1–5). After signing (8-процесс, п. 6 12), seed lines 1481-1483) the provider's АЖО registers and processes the request (9-процесс, п. 6 13), seed lines 1484-1485).                                                                                                                                        |
      | 8  | row   |          | п. 6 12), seed lines 1481-1483                                                                 | The published table has only rows 1–5 (the seed exports one block of columns 1–5, with no continuation); this row is the narrative's process, which gives no completion form and no time limit.                                                                                                                                                                        |
      | 9  | next  |          | 10 – егер есепке қою негiздерiне сәйкес болмаса; 11 – егер есепке қою негiздерiне сәйкес болса | Row taken from the narrative (the seed exports only columns 1–5). 4-шарт (п. 6 14), seed lines 1486-1487): the provider checks the applicant against the grounds for registration; refusal 10-процесс (п. 6 15), seed lines 1488-1490) if not met, result 11-процесс (п. 6 16), seed lines 1491-1493) otherwise.                                                       |
      | 9  | row   |          | п. 6 13), seed lines 1484-1485                                                                 | The published table has only rows 1–5 (the seed exports one block of columns 1–5, with no continuation); this row is the narrative's process, which gives no completion form and no time limit.                                                                                                                                                                        |
      | 10 | row   |          | п. 6 15), seed lines 1488-1490                                                                 | The published table has only rows 1–5 (the seed exports one block of columns 1–5, with no continuation); this row is the narrative's process, which gives no completion form and no time limit.                                                                                                                                                                        |
      | 11 | row   |          | п. 6 16), seed lines 1491-1493                                                                 | The published table has only rows 1–5 (the seed exports one block of columns 1–5, with no continuation); this row is the narrative's process, which gives no completion form and no time limit.                                                                                                                                                                        |

  @main
  Scenario: Main flow — the registration notice is received
    Given an applicant with a "good" certificate
    And the applicant will pay the invoice
    And the provider will approve the request
    When the applicant applies for the service
    Then step 1 is done — sign in
    And step 3 is done — fill in the request, attach the documents
    And step 4 is done — paid, payment checked
    And step 6 is done — choose the EDS certificate
    And step 8 is done — request signed
    And step 9 is done — registered and processed at the provider
    And step 11 is done — result received

  @refusal
  Scenario: Refusal — authorization refused
    Given the applicant's password is wrong
    When the applicant applies for the service
    Then step 1 is done — sign in
    And step 2 is done — authorization refused

  @refusal
  Scenario: Refusal — the service is not paid
    Given an applicant with a "good" certificate
    And the applicant will not pay the invoice
    When the applicant applies for the service
    Then step 1 is done — sign in
    And step 3 is done — fill in the request, attach the documents
    And step 4 is done — payment checked: not paid
    And step 5 is done — refusal: not paid

  @refusal
  Scenario Outline: Refusal — the EDS is not confirmed (<certificate> certificate)
    Given an applicant with a "<certificate>" certificate
    And the applicant will pay the invoice
    When the applicant applies for the service
    Then step 1 is done — sign in
    And step 3 is done — fill in the request, attach the documents
    And step 4 is done — paid, payment checked
    And step 6 is done — choose the EDS certificate
    And step 7 is done — refusal: EDS not confirmed

    Examples:
      | certificate  |
      | revoked      |
      | expired      |
      | iin-mismatch |

  @refusal
  Scenario: Refusal — the provider refuses with reasons
    Given an applicant with a "good" certificate
    And the applicant will pay the invoice
    And the provider will refuse the request with reason "Бұқаралық ақпарат құралын есепке қою үшін негiздер жоқ"
    When the applicant applies for the service
    Then step 1 is done — sign in
    And step 3 is done — fill in the request, attach the documents
    And step 4 is done — paid, payment checked
    And step 6 is done — choose the EDS certificate
    And step 8 is done — request signed
    And step 9 is done — registered and processed at the provider
    And step 10 is done — reasoned refusal
