# Transcription of seed 004 (shared/seeds/004_1c5361d39ce2acd8.txt), second regulation
# (2-қосымша of order № 178, «Мұрағаттық анықтамалар беру», seed lines 726-1353):
# 2-қосымша, 2-Кесте. Қызмет көрсетуші арқылы ҚФБ іс-әрекетінің сипаттамасы (seed lines
# 1127-1225); narrative list of processes and conditions: п. 7, items 1)-10) (seed lines 856-883).
# The export holds only columns 1-5 of this table (one block, cells one per line, column after
# column; no continuation block in the seed), while the narrative has 8 processes. Rows 1-5 are
# the table's cells, rebuilt by column position (lines 1134-1142 the five actors, line 1211 the
# five limits; the next column is scrambled around its header: line 1221 "- -" is the next of
# rows 1-2, lines 1213-1214 and 1221-1223 row 3, line 1225 "- 6" rows 4-5).
# This table repeats, cell for cell, the provider table of the first regulation (seed lines
# 483-583; only the units are abbreviated here, "сек"/"мин"), but it agrees with this
# regulation's own narrative п. 7, which repeats the first regulation's п. 7 except for the
# result (мұрағаттық анықтама, п. 7 10)); so no erratum beyond those of the flow is needed.
# Rows 6-8 are NOT in the exported table: their action_kk is the narrative item's text (п. 7 7),
# 9), 10)), verbatim without the list's ";", the actor is the participant the narrative names
# (Қызмет көрсетуші for 7-процесс, after 2-шарт "қызмет көрсетушімен ... тексеру"; Алушы for
# 8-процесс), completion, limit and next are empty, each next read by an erratum citing the
# narrative.
# Letter-spaced runs of the export ("Қ ы з м е т", "М Д Қ", "Э Ц Қ", "е г е р") are joined.
# The act states no service term, fee or status texts for this service (it refers to the
# Standard, ҚР Үкіметінің 2012 жылғы 9 қазандағы № 1278 қаулысы, seed lines 743-746).
@service:archival-certificates-issuance-2012 @channel:provider @seed:004 @regulation:2
Feature: Issuance of archival certificates (2012) — provider (қызмет көрсетуші)
  «Мұрағаттық анықтамалар беру» электрондық мемлекеттік қызметтің регламенті.

  Background:
    Given the regulation:
      | field    | value                                                                                                                                                                                                                                                                                                 |
      | title_kk | «Мұрағаттық анықтамалар беру» электрондық мемлекеттік қызметтің регламенті                                                                                                                                                                                                                            |
      | title_en | Regulation of the e-service "Issuance of archival certificates"                                                                                                                                                                                                                                       |
      | act      | Қазақстан Республикасы Мәдениет және ақпарат министрінің 2012 жылғы 7 қарашадағы № 178 Бұйрығы. Қазақстан Республикасы Әділет министрлігінде 2012 жылы 10 желтоқсанда № 8141 тіркелді. Күші жойылды - Қазақстан Республикасы Мәдениет және спорт министрінің 2016 жылғы 11 сәуірдегі № 100 бұйрығымен |
      | seed     | 004_1c5361d39ce2acd8.txt                                                                                                                                                                                                                                                                              |
      | table    | 2-қосымша, 2-Кесте. Қызмет көрсетуші арқылы ҚФБ іс-әрекетінің сипаттамасы                                                                                                                                                                                                                             |
    And the step table:
      | n | actor                   | action_kk                                                                                                                          | action_en                                                                                                          | completion_kk                                                   | limit     | next                                                       | outcome |
      | 1 | Қызмет көрсетуші        | ЖСН және паролі арқылы қызмет көрсетушінің АЖО авторизацияланады                                                                   | The provider's employee signs in to the provider's workstation with IIN and password                               | Өтінімге нөмір берумен сауал салуды жүйеде тіркеу               | 10–15 сек | -                                                          |         |
      | 2 | Қызмет көрсетуші        | Қызмет көрсетуші қызметкерімен қызметті таңдауы                                                                                    | The employee chooses the service and enters the applicant's data                                                   | Сауал салу сәтті қалыптастырылғандығы туралы хабарламаны шығару | 10 сек    | -                                                          |         |
      | 3 | Қызмет көрсетуші        | ЖТ МДҚ/ЗТ МДҚ алушының деректерi туралы сұрау салуды жіберу                                                                        | A request for the applicant's data is sent to the state database (ЖТ МДҚ/ЗТ МДҚ) through the gateway               | Сауалды бағыттау                                                | 1,5 мин   | 4 - егер бұзушылықтар болса, 5 – егер бұзушылықтар болмаса |         |
      | 4 | ЖТ МДҚ/ЗТ МДҚ           | ЖТ МДҚ/ЗТ МДҚ алушының деректерi болмауы туралы хабарламаны қалыптастыру                                                           | Refusal: the applicant's data are not found in the state database                                                  | Дәйектендірілген бас тартуды қалыптастыру                       | 10-15 сек | -                                                          | refusal |
      | 5 | Қызмет көрсетуші        | Сканерленген құжаттарды тіркеумен және ЭЦҚ куәландырумен сауал салудың нысанын толтыру                                             | The employee completes the request form, attaches the scanned documents and signs it with the EDS                  | Сауал салуды бағыттау                                           | 10-15 сек | 6                                                          |         |
      | 6 | қызмет көрсетушінің АЖО | электрондық құжатты қызмет көрсетушінің АЖО тіркеу                                                                                 | [narrative п. 7 7), not in the exported table] The electronic document is registered in the provider's workstation |                                                                 |           |                                                            |         |
      | 7 | Қызмет көрсетуші        | алушының құжаттарында бұзушылықтардың болуына байланысты сұрау салынған қызметтi көрсетуден бас тарту туралы хабарламаны құрастыру | [narrative п. 7 9), not in the exported table] Reasoned refusal because of defects in the applicant's documents    |                                                                 |           |                                                            | refusal |
      | 8 | Алушы                   | алушымен қызмет нәтижесiн (мұрағаттық анықтаманы) алуы.                                                                            | [narrative п. 7 10), not in the exported table] The applicant receives the result (the archival certificate)       |                                                                 |           |                                                            | result  |
    And the errata:
      | at | field | act_says | read_as                                                          | why                                                                                                                                                                                                                                                                                                                                             |
      | 1  | next  | -        | 2                                                                | п. 7 1)-2) (seed lines 862-867): after the employee signs in (1-процесс) the service is chosen and the applicant's data entered (2-процесс); "-" would end the flow. Table cell: seed line 1221.                                                                                                                                                |
      | 2  | next  | -        | 3                                                                | п. 7 2)-3) (seed lines 865-869): after the service is chosen (2-процесс) the state database is queried through the gateway (3-процесс). Table cell: seed line 1221.                                                                                                                                                                             |
      | 6  | next  |          | 7 – егер құжаттар сәйкес болмаса; 8 – егер құжаттар сәйкес болса | Row taken from the narrative (the seed exports only columns 1–5; row 5 goes to "6", seed line 1225). 2-шарт (п. 7 8), seed lines 878-879): the provider checks the attached documents against the Standard and the grounds; refusal 7-процесс (п. 7 9), seed lines 880-882) if they fail, result 8-процесс (п. 7 10), seed line 883) otherwise. |
      | 6  | row   |          | п. 7 7), seed line 877                                           | The published table has only rows 1–5 (the seed exports one block of columns 1–5, with no continuation); this row is the narrative's process, which gives no completion form and no time limit.                                                                                                                                                 |
      | 7  | row   |          | п. 7 9), seed lines 880-882                                      | The published table has only rows 1–5 (the seed exports one block of columns 1–5, with no continuation); this row is the narrative's process, which gives no completion form and no time limit.                                                                                                                                                 |
      | 8  | row   |          | п. 7 10), seed line 883                                          | The published table has only rows 1–5 (the seed exports one block of columns 1–5, with no continuation); this row is the narrative's process, which gives no completion form and no time limit.                                                                                                                                                 |

  @main
  Scenario: Main flow — the archival certificate is issued
    Given the applicant's record in the state database is "found"
    And the provider will approve the request
    When the applicant applies for the service
    Then step 1 is done — employee signs in
    And step 2 is done — service chosen, applicant's data entered
    And step 3 is done — state database queried
    And step 5 is done — form completed, documents attached, signed
    And step 6 is done — registered in the provider's workstation
    And step 8 is done — result received

  @refusal
  Scenario: Refusal — the applicant's data are not found in the state database
    Given the applicant's record in the state database is "not-found"
    When the applicant applies for the service
    Then step 1 is done — employee signs in
    And step 2 is done — service chosen, applicant's data entered
    And step 3 is done — state database queried
    And step 4 is done — refusal: data not found

  @refusal
  Scenario: Refusal — the provider refuses because of defects in the documents
    Given the applicant's record in the state database is "found"
    And the provider will refuse the request with reason "Алушының құжаттарында бұзушылықтар бар"
    When the applicant applies for the service
    Then step 1 is done — employee signs in
    And step 2 is done — service chosen, applicant's data entered
    And step 3 is done — state database queried
    And step 5 is done — form completed, documents attached, signed
    And step 6 is done — registered in the provider's workstation
    And step 7 is done — reasoned refusal

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
