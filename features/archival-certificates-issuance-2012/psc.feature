# Transcription of seed 004 (shared/seeds/004_1c5361d39ce2acd8.txt), second regulation
# (2-қосымша of order № 178, «Мұрағаттық анықтамалар беру», seed lines 726-1353):
# 2-қосымша, 3-Кесте. ХҚКО арқылы ҚФБ іс-әрекетінің сипаттамасы (seed lines 1227-1324);
# narrative list of processes and conditions: п. 8, items 1)-11) (seed lines 884-920).
# The export holds only columns 1-5 of this table (one block, cells one per line, column after
# column; no continuation block in the seed), while the narrative has 9 processes. Rows 1-5 are
# the table's cells, rebuilt by column position (line 1234 holds the actors of rows 1 and 2,
# "ХҚКО АЖ АЖО" being the narrative's own term, п. 8 1); lines 1235-1239 rows 3-5; line 1310
# the five limits; line 1314 "2 3" is the next of rows 1-2, lines 1316-1322 row 3, line 1324
# "- -" rows 4-5).
# This table repeats the PSC table of the first regulation (seed lines 585-694, units
# abbreviated here), but it agrees with this regulation's own narrative п. 8, which repeats the
# first regulation's п. 8 except for the result (мұрағаттық анықтама, п. 8 11)); so no erratum
# beyond those of the flow is needed.
# Rows 6-9 are NOT in the exported table: their action_kk is the narrative item's text (п. 8 7),
# 8), 10), 11)), verbatim without the list's ";", the actor is the participant the narrative
# names (Орталықтың операторы sends the signed request, 6-процесс; Қызмет көрсетуші for
# 8-процесс, after 2-шарт "қызмет көрсетушімен ... тексеру"; Алушы for 9-процесс), completion,
# limit and next are empty, each next read by an erratum citing the narrative.
# Letter-spaced runs of the export ("а р қ ы л ы", "деректер ін", "А л у ш ы", "т у р а л ы",
# "е гер") are joined; a "(" that ends a line of the export is joined to the next word.
# The act states no service term, fee or status texts for this service (it refers to the
# Standard, ҚР Үкіметінің 2012 жылғы 9 қазандағы № 1278 қаулысы, seed lines 743-746).
@service:archival-certificates-issuance-2012 @channel:psc @seed:004 @regulation:2
Feature: Issuance of archival certificates (2012) — PSC (ХҚКО)
  «Мұрағаттық анықтамалар беру» электрондық мемлекеттік қызметтің регламенті.

  Background:
    Given the regulation:
      | field    | value                                                                                                                                                                                                                                                                                                 |
      | title_kk | «Мұрағаттық анықтамалар беру» электрондық мемлекеттік қызметтің регламенті                                                                                                                                                                                                                            |
      | title_en | Regulation of the e-service "Issuance of archival certificates"                                                                                                                                                                                                                                       |
      | act      | Қазақстан Республикасы Мәдениет және ақпарат министрінің 2012 жылғы 7 қарашадағы № 178 Бұйрығы. Қазақстан Республикасы Әділет министрлігінде 2012 жылы 10 желтоқсанда № 8141 тіркелді. Күші жойылды - Қазақстан Республикасы Мәдениет және спорт министрінің 2016 жылғы 11 сәуірдегі № 100 бұйрығымен |
      | seed     | 004_1c5361d39ce2acd8.txt                                                                                                                                                                                                                                                                              |
      | table    | 2-қосымша, 3-Кесте. ХҚКО арқылы ҚФБ іс-әрекетінің сипаттамасы                                                                                                                                                                                                                                         |
    And the step table:
      | n | actor                   | action_kk                                                                                                                                        | action_en                                                                                                                                | completion_kk                                                   | limit          | next                                                                                | outcome |
      | 1 | ХҚКО АЖ АЖО             | Орталықтың операторы логині және паролі арқылы авторизацияланады                                                                                 | The PSC operator signs in to the PSC IS workstation with login and password                                                              | Өтінімге нөмір берумен сауал салуды жүйеде тіркеу               | 30 сек – 1 мин | 2                                                                                   |         |
      | 2 | Орталықтың операторы    | Қызметті таңдайды және сұрау салудың деректерін қалыптастырады                                                                                   | The operator chooses the service and enters the applicant's (and the representative's) data                                              | Сауал салу сәтті қалыптастырылғандығы туралы хабарламаны шығару | 30 сек         | 3                                                                                   |         |
      | 3 | Орталықтың операторы    | ЖТ МДҚ/ЗТ МДҚ, БНАЖ сұрау салуды жіберу                                                                                                          | A request is sent to the state database (ЖТ МДҚ/ЗТ МДҚ) and, for a power of attorney, to БНАЖ                                            | Сауал салуды бағыттау                                           | 1,5 мин        | 4 - егер тұтынушының деректерінде бұзушылықтар болса, 5 – егер бұзушылықтар болмаса |         |
      | 4 | ЖТ МДҚ/ЗТ МДҚ, БНАЖ     | Алушы деректерінің болмауына байланысты деректерді алу мүмкін еместігі туралы хабарламаны қалыптастырады                                         | Refusal: the applicant's data (or the power of attorney) are not found                                                                   | Дәйектендірілген бас тартуды қалыптастыру                       | 1,5 мин        | -                                                                                   | refusal |
      | 5 | Орталықтың операторы    | Сұрау салу нысанына қажетті құжаттарды тіркеумен сұрау салуды толтыру және ЭЦҚ куәландыру                                                        | The operator completes the request, attaches the scanned documents and signs it with the EDS                                             | Сауал салу сәтті қалыптастырылғандығы туралы хабарламаны шығару | 30 сек – 1 мин | -                                                                                   |         |
      | 6 | Орталықтың операторы    | қызмет көрсетушінің АЖО ЭҮШ арқылы Орталықтың операторымен ЭЦҚ куәландырған (қол қойылған) электрондық құжатты (тұтынушының сауал салуын) жолдау | [narrative п. 8 7), not in the exported table] The request signed by the operator goes through the gateway to the provider's workstation |                                                                 |                |                                                                                     |         |
      | 7 | қызмет көрсетушінің АЖО | электрондық құжатты қызмет көрсетушінің АЖО тіркеу                                                                                               | [narrative п. 8 8), not in the exported table] The electronic document is registered in the provider's workstation                       |                                                                 |                |                                                                                     |         |
      | 8 | Қызмет көрсетуші        | алушының құжаттарында бұзушылықтардың болуына байланысты сұрау салынған қызметтi көрсетуден бас тарту туралы хабарламаны құрастыру               | [narrative п. 8 10), not in the exported table] Reasoned refusal because of defects in the applicant's documents                         |                                                                 |                |                                                                                     | refusal |
      | 9 | Алушы                   | алушымен Орталықтың операторы арқылы қызмет нәтижесiн (мұрағаттық анықтаманы) алуы.                                                              | [narrative п. 8 11), not in the exported table] The applicant receives the result (the archival certificate) through the PSC operator    |                                                                 |                |                                                                                     | result  |
    And the errata:
      | at | field | act_says | read_as                                                          | why                                                                                                                                                                                                                                                                                                       |
      | 5  | next  | -        | 6                                                                | п. 8 6)-7) (seed lines 905-912): after the operator completes and signs the request (5-процесс) it is sent to the provider's АЖО (6-процесс); "-" would end the flow. Table cell: seed line 1324.                                                                                                         |
      | 6  | next  |          | 7                                                                | Row taken from the narrative (the seed exports only columns 1–5). After sending (6-процесс, п. 8 7), seed lines 910-912) the provider's АЖО registers the document (7-процесс, п. 8 8), seed line 913).                                                                                                   |
      | 6  | row   |          | п. 8 7), seed lines 910-912                                      | The published table has only rows 1–5 (the seed exports one block of columns 1–5, with no continuation); this row is the narrative's process, which gives no completion form and no time limit.                                                                                                           |
      | 7  | next  |          | 8 – егер құжаттар сәйкес болмаса; 9 – егер құжаттар сәйкес болса | Row taken from the narrative (the seed exports only columns 1–5). 2-шарт (п. 8 9), seed lines 914-915): the provider checks the documents against the Standard and the grounds; refusal 8-процесс (п. 8 10), seed lines 916-918) if they fail, result 9-процесс (п. 8 11), seed lines 919-920) otherwise. |
      | 7  | row   |          | п. 8 8), seed line 913                                           | The published table has only rows 1–5 (the seed exports one block of columns 1–5, with no continuation); this row is the narrative's process, which gives no completion form and no time limit.                                                                                                           |
      | 8  | row   |          | п. 8 10), seed lines 916-918                                     | The published table has only rows 1–5 (the seed exports one block of columns 1–5, with no continuation); this row is the narrative's process, which gives no completion form and no time limit.                                                                                                           |
      | 9  | row   |          | п. 8 11), seed lines 919-920                                     | The published table has only rows 1–5 (the seed exports one block of columns 1–5, with no continuation); this row is the narrative's process, which gives no completion form and no time limit.                                                                                                           |

  @main
  Scenario: Main flow — the archival certificate is issued through the PSC
    Given the applicant's record in the state database is "found"
    And the provider will approve the request
    When the applicant applies for the service
    Then step 1 is done — operator signs in
    And step 2 is done — service chosen, applicant's data entered
    And step 3 is done — state database and БНАЖ queried
    And step 5 is done — request completed, documents attached, signed
    And step 6 is done — sent to the provider's workstation
    And step 7 is done — registered in the provider's workstation
    And step 9 is done — result received through the PSC

  @refusal
  Scenario: Refusal — the applicant's data are not found in the state database
    Given the applicant's record in the state database is "not-found"
    When the applicant applies for the service
    Then step 1 is done — operator signs in
    And step 2 is done — service chosen, applicant's data entered
    And step 3 is done — state database and БНАЖ queried
    And step 4 is done — refusal: data not found

  @refusal
  Scenario: Refusal — the provider refuses because of defects in the documents
    Given the applicant's record in the state database is "found"
    And the provider will refuse the request with reason "Алушының құжаттарында бұзушылықтар бар"
    When the applicant applies for the service
    Then step 1 is done — operator signs in
    And step 2 is done — service chosen, applicant's data entered
    And step 3 is done — state database and БНАЖ queried
    And step 5 is done — request completed, documents attached, signed
    And step 6 is done — sent to the provider's workstation
    And step 7 is done — registered in the provider's workstation
    And step 8 is done — reasoned refusal

  # Not a path of the act: the act has no row for a state database that does
  # not answer. The request must stop at the look-up (row 3) and say so,
  # never go on as if the applicant had been found.
  @resilience
  Scenario: Resilience — the state database does not answer
    Given the state database is unavailable
    When the applicant applies for the service
    Then step 1 is done — sign in to the workstation
    And step 2 is done — applicant's data entered
    And step 3 is done — state database asked
    And the request is not completed
