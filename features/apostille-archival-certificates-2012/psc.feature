# Transcription of seed 004 (shared/seeds/004_1c5361d39ce2acd8.txt), first regulation
# (1-қосымша of order № 178): 2-қосымша, 3-Кесте. ХҚКО арқылы ҚФБ іс-әрекетінің сипаттамасы
# (seed lines 585-694); narrative list of processes and conditions: п. 8, items 1)-11)
# (seed lines 241-278).
# The export holds only columns 1-5 of this table (one block, cells one per line, column after
# column; no continuation block in the seed), while the narrative has 9 processes. Rows 1-5 are
# the table's cells, rebuilt by column position (seed line 593 holds the actors of rows 1 and 2;
# line 680 "2 3" is the next of rows 1-2; lines 682-686 and 692-694 are row 3, wrapped around
# line 688 "- -", the next of rows 4-5). Rows 6-9 are NOT in the exported table: their
# action_kk is the narrative item's text (п. 8 7), 8), 10), 11)), verbatim without the list's
# ";", the actor is the participant the narrative names (Қызмет көрсетуші for 8-процесс, after
# 2-шарт "қызмет көрсетушімен ... тексеру"), completion, limit and next are empty, each
# next/limit read by an erratum citing the narrative.
# Letter-spaced runs of the export ("А л у ш ы", "т у р а л ы", "е г е р") are joined.
# The act states no service term, fee or status texts for this service (it refers to the
# Standard, ҚР Үкіметінің 2012 жылғы 9 қазандағы № 1278 қаулысы, seed lines 84-88).
@service:apostille-archival-certificates-2012 @channel:psc @seed:004 @regulation:1
Feature: Apostille of archival certificates (2012) — PSC (ХҚКО)
  «Қазақстан Республикасының мемлекеттік мұрағаттарынан шығатын және шетелге жіберілетін
  мұрағаттық анықтамалар мен мұрағаттық құжаттардың көшірмелерін апостильдеу» электрондық
  мемлекеттік қызметтің регламенті.

  Background:
    Given the regulation:
      | field    | value                                                                                                                                                                                                                                                                                                 |
      | title_kk | «Қазақстан Республикасының мемлекеттік мұрағаттарынан шығатын және шетелге жіберілетін мұрағаттық анықтамалар мен мұрағаттық құжаттардың көшірмелерін апостильдеу» электрондық мемлекеттік қызметтің регламенті                                                                                       |
      | title_en | Regulation of the e-service "Apostille of archival certificates and copies of archival documents issued by the state archives of the Republic of Kazakhstan and sent abroad"                                                                                                                          |
      | act      | Қазақстан Республикасы Мәдениет және ақпарат министрінің 2012 жылғы 7 қарашадағы № 178 Бұйрығы. Қазақстан Республикасы Әділет министрлігінде 2012 жылы 10 желтоқсанда № 8141 тіркелді. Күші жойылды - Қазақстан Республикасы Мәдениет және спорт министрінің 2016 жылғы 11 сәуірдегі № 100 бұйрығымен |
      | seed     | 004_1c5361d39ce2acd8.txt                                                                                                                                                                                                                                                                              |
      | table    | 2-қосымша, 3-Кесте. ХҚКО арқылы ҚФБ іс-әрекетінің сипаттамасы                                                                                                                                                                                                                                         |
    And the step table:
      | n | actor                   | action_kk                                                                                                                                                                                                                                              | action_en                                                                                                                                                        | completion_kk                                                   | limit               | next                                                                             | outcome |
      | 1 | ХҚКО АЖ АЖО             | Орталықтың операторы логині және паролі арқылы авторизацияланады                                                                                                                                                                                       | The PSC operator signs in to the PSC IS workstation with login and password                                                                                      | Өтінімге нөмір берумен сауал салуды жүйеде тіркеу               | 30 секунд – 1 минут | 2                                                                                |         |
      | 2 | Орталықтың операторы    | Қызметті таңдайды және сұрау салудың деректерін қалыптастырады                                                                                                                                                                                         | The operator chooses the service and enters the applicant's (and the representative's) data                                                                      | Сауал салу сәтті қалыптастырылғандығы туралы хабарламаны шығару | 30 секунд           | 3                                                                                |         |
      | 3 | Орталықтың операторы    | ЖТ МДҚ/ЗТ МДҚ, БНАЖ сұрау салуды жіберу                                                                                                                                                                                                                | A request is sent to the state database (ЖТ МДҚ/ЗТ МДҚ) and, for a power of attorney, to БНАЖ                                                                    | Сауал салуды бағыттау                                           | 1,5 минут           | 4 - егер алушының деректерінде бұзушылықтар болса, 5 – егер бұзушылықтар болмаса |         |
      | 4 | ЖТ МДҚ/ЗТ МДҚ, БНАЖ     | Алушы деректерінің болмауына байланысты деректерді алу мүмкін еместігі туралы хабарламаны қалыптастырады                                                                                                                                               | Refusal: the applicant's data (or the power of attorney) are not found                                                                                           | Дәйектендірілген бас тартуды қалыптастыру                       | 1,5 минут           | -                                                                                | refusal |
      | 5 | Орталықтың операторы    | Сұрау салу нысанына қажетті құжаттарды тіркеу мен сұрау салуды толтыру және ЭЦҚ куәландыру                                                                                                                                                             | The operator completes the request, attaches the scanned documents and signs it with the EDS                                                                     | Сауал салу сәтті қалыптастырылғандығы туралы хабарламаны шығару | 30 секунд – 1 минут | -                                                                                |         |
      | 6 | Орталықтың операторы    | Орталық операторының ЭЦҚ куәландырылған (қол қойылған) электрондық құжатты (алушының сұрау салуын) ЭҮШ арқылы қызмет көрсетушінің АЖО, сондай-ақ Стандарттың 11-тармағында көрсетілген құжаттарды Орталықтың курьері арқылы қызмет көрсетушіге жолдауы | [narrative п. 8 7), not in the exported table] The signed request goes to the provider's workstation through the gateway, the paper documents by the PSC courier |                                                                 |                     |                                                                                  |         |
      | 7 | қызмет көрсетушінің АЖО | электрондық құжатты қызмет көрсетушінің АЖО тіркеу                                                                                                                                                                                                     | [narrative п. 8 8), not in the exported table] The electronic document is registered in the provider's workstation                                               |                                                                 |                     |                                                                                  |         |
      | 8 | Қызмет көрсетуші        | алушының құжаттарында бұзушылықтардың болуына байланысты сұрау салынған қызметтi көрсетуден бас тарту туралы хабарламаны құрастыру                                                                                                                     | [narrative п. 8 10), not in the exported table] Reasoned refusal because of defects in the applicant's documents                                                 |                                                                 |                     |                                                                                  | refusal |
      | 9 | Алушы                   | алушымен Орталықтың операторы арқылы қызметтің нәтижесiн алуы (апостиль мөртабанын басу).                                                                                                                                                              | [narrative п. 8 11), not in the exported table] The applicant receives the result through the PSC operator (the apostille stamp is affixed)                      |                                                                 |                     |                                                                                  | result  |
    And the errata:
      | at | field | act_says | read_as                                                          | why                                                                                                                                                                                                                                                                                       |
      | 5  | next  | -        | 6                                                                | п. 8 6)-7) (seed lines 262-270): after the operator completes and signs the request (5-процесс) it is sent to the provider (6-процесс); "-" would end the flow. Table cell: seed line 688.                                                                                                |
      | 6  | next  |          | 7                                                                | Row taken from the narrative (the seed exports only columns 1–5). After sending (6-процесс, п. 8 7), seed lines 267-270) the provider's АЖО registers the document (7-процесс, п. 8 8), seed line 271).                                                                                   |
      | 6 | row | | п. 8 7), seed lines 267-270 | The published table has only rows 1–5 (the seed exports one block of columns 1–5, with no continuation); this row is the narrative's process, which gives no completion form and no time limit. |
      | 7  | next  |          | 8 – егер құжаттар сәйкес болмаса; 9 – егер құжаттар сәйкес болса | Row taken from the narrative (the seed exports only columns 1–5). 2-шарт (п. 8 9), seed lines 272-273): the provider checks the documents against the Standard; refusal 8-процесс (п. 8 10), seed lines 274-276) if they fail, result 9-процесс (п. 8 11), seed lines 277-278) otherwise. |
      | 7 | row | | п. 8 8), seed line 271 | The published table has only rows 1–5 (the seed exports one block of columns 1–5, with no continuation); this row is the narrative's process, which gives no completion form and no time limit. |
      | 8 | row | | п. 8 10), seed lines 274-276 | The published table has only rows 1–5 (the seed exports one block of columns 1–5, with no continuation); this row is the narrative's process, which gives no completion form and no time limit. |
      | 9 | row | | п. 8 11), seed lines 277-278 | The published table has only rows 1–5 (the seed exports one block of columns 1–5, with no continuation); this row is the narrative's process, which gives no completion form and no time limit. |

  @main
  Scenario: Main flow — the apostille is affixed and handed over at the PSC
    Given the applicant's record in the state database is "found"
    And the provider will approve the request
    When the applicant applies for the service
    Then step 1 is done — operator signs in
    And step 2 is done — service chosen, data entered
    And step 3 is done — state database (and БНАЖ) queried
    And step 5 is done — request completed, documents attached, signed
    And step 6 is done — sent to the provider, documents by courier
    And step 7 is done — registered in the provider's workstation
    And step 9 is done — result received through the operator

  @refusal
  Scenario: Refusal — the applicant's data are not found in the state database
    Given the applicant's record in the state database is "not-found"
    When the applicant applies for the service
    Then step 1 is done — operator signs in
    And step 2 is done — service chosen, data entered
    And step 3 is done — state database (and БНАЖ) queried
    And step 4 is done — refusal: data not found

  @refusal
  Scenario: Refusal — the provider refuses because of defects in the documents
    Given the applicant's record in the state database is "found"
    And the provider will refuse the request with reason "Алушының құжаттарында бұзушылықтар бар"
    When the applicant applies for the service
    Then step 1 is done — operator signs in
    And step 2 is done — service chosen, data entered
    And step 3 is done — state database (and БНАЖ) queried
    And step 5 is done — request completed, documents attached, signed
    And step 6 is done — sent to the provider, documents by courier
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
