# Transcription of seed 004 (shared/seeds/004_1c5361d39ce2acd8.txt), second regulation
# (2-қосымша of order № 178, «Мұрағаттық анықтамалар беру», seed lines 726-1353):
# 2-қосымша, 1-Кесте. ЭҮП арқылы ҚФБ іс-әрекетінің сипаттамасы (seed lines 1003-1125);
# narrative list of processes and conditions: п. 6, items 1)-12) (seed lines 817-855).
# The export holds only columns 1-5 of this table (one block, cells one per line, column after
# column; no continuation block in the seed), while the narrative has 8 processes. Rows 1-5 are
# the table's cells, rebuilt by column position: line 1010 holds the five actors; the action
# column is cut by a page break (lines 1015-1027 hold the first lines of rows 2-5, lines
# 1036-1062 the rest of rows 1-5); line 1104 the five limits; the next column is lines
# 1109-1114 (row 1), 1116 (row 2), 1118-1123 (row 3) and 1125 "- -" (rows 4-5).
# Rows 1-5 agree with this regulation's own narrative (log-in with ЖСН and password, no
# payment step: 1-5-процесс, п. 6 2)-8)); the table is not the payment table of the first
# regulation (seed lines 370-481). Rows 6-8 are NOT in the exported table: their action_kk is
# the narrative item's text (п. 6 9), 11), 12)), verbatim without the list's ";", the actor is
# the participant the narrative names (Қызмет көрсетуші for 7-процесс, after 3-шарт
# "қызмет көрсетушімен ... тексеру"; Алушы for 8-процесс), completion, limit and next are
# empty, each next read by an erratum citing the narrative.
# Letter-spaced runs of the export ("б о й ы н ш а", "т а р т у", "ж а т қ а н", "қызметт і",
# "деректер iн", "Э Ц Қ") are joined; the act's characters (Latin "i" in деректерiндегi …) are
# kept. The table calls the applicant "Тұтынушы", the narrative "алушы".
# The act states no service term, fee or status texts for this service (it refers to the
# Standard, ҚР Үкіметінің 2012 жылғы 9 қазандағы № 1278 қаулысы, seed lines 743-746).
@service:archival-certificates-issuance-2012 @channel:portal @seed:004 @regulation:2
Feature: Issuance of archival certificates (2012) — portal (ЭҮП)
  «Мұрағаттық анықтамалар беру» электрондық мемлекеттік қызметтің регламенті.

  Background:
    Given the regulation:
      | field    | value                                                                                                                                                                                                                                                                                                 |
      | title_kk | «Мұрағаттық анықтамалар беру» электрондық мемлекеттік қызметтің регламенті                                                                                                                                                                                                                            |
      | title_en | Regulation of the e-service "Issuance of archival certificates"                                                                                                                                                                                                                                       |
      | act      | Қазақстан Республикасы Мәдениет және ақпарат министрінің 2012 жылғы 7 қарашадағы № 178 Бұйрығы. Қазақстан Республикасы Әділет министрлігінде 2012 жылы 10 желтоқсанда № 8141 тіркелді. Күші жойылды - Қазақстан Республикасы Мәдениет және спорт министрінің 2016 жылғы 11 сәуірдегі № 100 бұйрығымен |
      | seed     | 004_1c5361d39ce2acd8.txt                                                                                                                                                                                                                                                                              |
      | table    | 2-қосымша, 1-Кесте. ЭҮП арқылы ҚФБ іс-әрекетінің сипаттамасы                                                                                                                                                                                                                                          |
    And the step table:
      | n | actor                   | action_kk                                                                                                                                                                                                                                          | action_en                                                                                                                                                                                                | completion_kk                                                                                              | limit          | next                                                                                          | outcome |
      | 1 | Тұтынушы                | ЭҮП ЖСН және паролі бойынша авторизацияланады                                                                                                                                                                                                      | The applicant signs in to the portal with IIN and password (authorization)                                                                                                                               | Сауал салу сәтті қалыптастырылғандығы туралы хабарламаны шығару                                            | 30–1 мин       | 2 – егер тұтынушының деректерінде бұзушылықтар бар болса; 3 – егер авторизациялану сәтті өтсе |         |
      | 2 | ЭҮП                     | Тұтынушының деректерiндегi бұзушылықтармен байланысты бас тарту хабарламасын қалыптастырады                                                                                                                                                        | The portal refuses authorization because of defects in the applicant's data                                                                                                                              | Сауал салынып жатқан электрондық мемлекеттік қызметті көрсетуден бас тарту туралы хабарламаны қалыптастыру | 30 сек         | -                                                                                             | refusal |
      | 3 | Тұтынушы                | Тұтынушының ЭЦҚ таңдаумен қызметті таңдайды және сауалды деректерiн қалыптастырады                                                                                                                                                                 | The applicant chooses the service, fills in the request, attaches the documents and chooses the EDS certificate                                                                                          | Сауал салу сәтті қалыптастырылғандығы туралы хабарламаны шығару                                            | 1,5 мин        | 4 – егер алушының деректерінде бұзушылықтар бар болса; 5 – егер бұзушылықтар жоқ болса        |         |
      | 4 | ЭҮП                     | Тұтынушының ЭЦҚ деректеріндегі бұзушылықтардың болуына байланысты бас тарту туралы хабарламаны қалыптастырады                                                                                                                                      | The portal refuses because the applicant's EDS is not confirmed (validity, revocation, IIN match)                                                                                                        | Сауал салынып жатқан электрондық мемлекеттік қызметті көрсетуден бас тарту туралы хабарламаны қалыптастыру | 1,5 мин        | -                                                                                             | refusal |
      | 5 | Тұтынушы                | Тұтынушының ЭЦҚ арқылы сауалды куәландыру (қол қою) және сауалды қызмет көрсетушінің АЖО жіберу                                                                                                                                                    | The applicant signs the request with the EDS; it is sent through the gateway to the provider's workstation                                                                                               | Сауалды бағыттау                                                                                           | 30 сек – 1 мин | -                                                                                             |         |
      | 6 | қызмет көрсетушінің АЖО | электрондық құжатты қызмет көрсетушінің АЖО тіркеу                                                                                                                                                                                                 | [narrative п. 6 9), not in the exported table] The electronic document is registered in the provider's workstation                                                                                       |                                                                                                            |                |                                                                                               |         |
      | 7 | Қызмет көрсетуші        | алушының деректерiнде бұзушылықтардың болуына байланысты сұрау салынған қызметтi көрсетуден бас тарту туралы хабарламаны құрастыру                                                                                                                 | [narrative п. 6 11), not in the exported table] Reasoned refusal because the attached documents do not meet the Standard's grounds                                                                       |                                                                                                            |                |                                                                                               | refusal |
      | 8 | Алушы                   | алушымен қызмет көрсетушінің АЖО қалыптастырылған қызметтің нәтижесiн (мұрағаттық анықтаманың дайындығы туралы электрондық нысандағы хабарламаны) алуы. Электрондық құжат қызмет көрсетушінің уәкiлеттi тұлғасының ЭЦҚ пайдаланумен құрастырылады. | [narrative п. 6 12), not in the exported table] The applicant receives the result: the electronic notice that the archival certificate is ready, signed with the EDS of the provider's authorized person |                                                                                                            |                |                                                                                               | result  |
    And the errata:
      | at | field | act_says | read_as                                                          | why                                                                                                                                                                                                                                                                                                                 |
      | 1  | limit | 30–1 мин | 30 сек – 1 мин                                                   | A range whose minimum (30) exceeds its maximum (1 мин): the unit of the minimum was dropped. Row 5 of the same table (seed line 1104) and row 1 of 3-Кесте (authorization at the PSC, seed line 1310) write "30 сек – 1 мин". Table cell: seed line 1104.                                                           |
      | 5  | next  | -        | 6                                                                | п. 6 8)-9) (seed lines 842-845): the signed request is sent to the provider's АЖО (5-процесс) and registered there (6-процесс); "-" would end the flow before the provider sees the request. Table cell: seed line 1125.                                                                                            |
      | 6  | next  |          | 7 – егер құжаттар сәйкес болмаса; 8 – егер құжаттар сәйкес болса | Row taken from the narrative (the seed exports only columns 1–5). 3-шарт (п. 6 10), seed lines 846-848): the provider checks the attached documents against the Standard and the grounds; refusal 7-процесс (п. 6 11), seed lines 849-851) if they fail, result 8-процесс (п. 6 12), seed lines 852-855) otherwise. |
      | 6  | row   |          | п. 6 9), seed line 845                                           | The published table has only rows 1–5 (the seed exports one block of columns 1–5, with no continuation); this row is the narrative's process, which gives no completion form and no time limit.                                                                                                                     |
      | 7  | row   |          | п. 6 11), seed lines 849-851                                     | The published table has only rows 1–5 (the seed exports one block of columns 1–5, with no continuation); this row is the narrative's process, which gives no completion form and no time limit.                                                                                                                     |
      | 8  | row   |          | п. 6 12), seed lines 852-855                                     | The published table has only rows 1–5 (the seed exports one block of columns 1–5, with no continuation); this row is the narrative's process, which gives no completion form and no time limit.                                                                                                                     |

  @main
  Scenario: Main flow — the notice that the archival certificate is ready is received
    Given an applicant with a "good" certificate
    And the provider will approve the request
    When the applicant applies for the service
    Then step 1 is done — sign in
    And step 3 is done — choose the service, fill in the request, choose the EDS
    And step 5 is done — request signed and sent to the provider
    And step 6 is done — registered in the provider's workstation
    And step 8 is done — result received

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
    And step 3 is done — choose the service, fill in the request, choose the EDS
    And step 4 is done — refusal: EDS not confirmed

    Examples:
      | certificate  |
      | revoked      |
      | expired      |
      | iin-mismatch |

  @refusal
  Scenario: Refusal — the provider refuses with reasons
    Given an applicant with a "good" certificate
    And the provider will refuse the request with reason "Қоса берілген құжаттар Стандартқа сәйкес емес"
    When the applicant applies for the service
    Then step 1 is done — sign in
    And step 3 is done — choose the service, fill in the request, choose the EDS
    And step 5 is done — request signed and sent to the provider
    And step 6 is done — registered in the provider's workstation
    And step 7 is done — reasoned refusal
