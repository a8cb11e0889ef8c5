# Transcription of seed 003 (shared/seeds/003_fb5181694af341c1.txt), regulation 2 of 3,
# 1-қосымша, 1-кесте. ЭҮП арқылы ҚФБ іс-әрекеттерінің сипаттамасы (seed lines 493-502);
# narrative list of processes and conditions: п. 6, items 1)-12) (seed lines 398-426).
# Tab-separated export, one line per table row; cells copied as the seed prints them
# (print hyphenation kept; the action names of line 497 are garbled as printed, e.g.
# «тиражына», «барынан қалыптастырылады»; action_en follows the narrative). Lines 496-499
# put column k at tab position k; lines 500-502 at k+1. Line 499 continues the action
# names of rows 4, 6 and 7 (joined by position). Lines 500 and 501 have 7 cells for 8
# actions: by position row 8 has no completion form and no limit, and row 7 carries the
# «Анықтама немесе ...» form and the «5 жұ- мыс күн ішінде» limit.
# Row 7's limit "5 жұ- мыс күн ішінде" is the act's "5 жұмыс күн ішінде" hyphenated by the
# print layout; kept verbatim without an erratum (see the helper's report).
@service:minors-deposits-inheritance-2012 @channel:portal @seed:003 @regulation:2
Feature: Certificates for minors' deposits and inheritance (2012) — portal (ЭҮП)
  «Зейнетақы қорларына, банктерге кәмелетке толмағандардың салымдарына иелік ету үшін,
  ... кәмелетке толмаған балаларға мұраны ресімдеу үшін анықтамалар беру» электрондық
  мемлекеттік қызмет көрсете регламенті (the second of three regulations approved by the act).

  Background:
    Given the regulation:
      | field    | value                                                                                                                                                                                                                                                                                                                                  |
      | title_kk | «Зейнетақы қорларына, банктерге кәмелетке толмағандардың салымдарына иелік ету үшін, Қазақстан Республикасы Ішкі істер министрлігі Жол полициясы комитетінің аумақтық бөлімшелеріне кәмелетке толмаған балаларға мұраны ресімдеу үшін анықтамалар беру» электрондық мемлекеттік қызмет көрсете регламенті                              |
      | title_en | Regulation of the e-service "Issuing certificates for disposing of minors' deposits in pension funds and banks, and for registering inheritance for minors with the road police units of the Ministry of Internal Affairs" (Magzhan Zhumabayev district, North Kazakhstan region)                                                      |
      | act      | Солтүстік Қазақстан облысы Мағжан Жұмабаев атындағы аудандық әкімдігінің 2012 жылғы 12 желтоқсандағы N 565 қаулысы. Солтүстік Қазақстан облысының Әділет департаментінде 2013 жылғы 24 қаңтарда N 2111 тіркелді. Күші жойылды - Солтүстік Қазақстан облысы Мағжан Жұмабаев ауданы әкімдігінің 2013 жылғы 24 мамырдағы N 184 қаулысымен |
      | seed     | 003_fb5181694af341c1.txt                                                                                                                                                                                                                                                                                                               |
      | table    | 1-қосымша, 1-кесте. ЭҮП арқылы ҚФБ іс-әрекеттерінің сипаттамасы                                                                                                                                                                                                                                                                        |
    And the step table:
      | n | actor                      | action_kk                                                                                                               | action_en                                                                                                               | completion_kk                                                                                         | limit                | next                                                                                                                        | outcome |
      | 1 | Мемлекеттік қызметті алушы | ЖСН және пароль бойынша ЭҮП-та авторизацияланады                                                                        | The applicant signs in to the portal with IIN and password (1-процесс)                                                  | Сұрау салуды ойдағы- дай қа- лыптаст- тыру бойынша хабар- ламаны бейне- леу                           | 30 сек- 1 минут      | 2 – егер мемле- кеттік қызмет- ті алу- шының дерек- терінде бұзушы- лық болса; 3 – егер автори- зация- лау ой- дағыдай өтсе |         |
      | 2 | ЭҮП                        | Мемлекеттік қызметті алушының деректеріндегі бұзушылықтардың тиражына байланысты, бас тарту хабарламасын қалыптастырады | The portal refuses authorization because of defects in the applicant's data (2-процесс)                                 | Сұрау салына- тын элек- трондық мемле- кеттік қызмет- ке бас- тарту хабар- ламасын қалып- тасты- рады | 30 сек               | –                                                                                                                           | refusal |
      | 3 | Мемлекеттік қызметті алушы | Мемлекеттік қызметті алушының ЭЦК таңдауымен тиражынаның қызметтерінде барынан қалыптастырылады                         | The applicant chooses the service, fills in the request, attaches the documents, chooses the EDS (3-процесс)            | Сұрау салудың бағыт- талуы                                                                            | 1,5 мин              | 4 – егер мемле- кеттік қызмет- ті алу- шының дерек- терінде бұзушы- лық болса; 5 – егер бұзушы- лық болмаса                 |         |
      | 4 | ЭҮП                        | Мемлекеттік қызметті алушының ЭЦК таңдауымен тиражынаның қызметтерінде барынан қалыптастырылады тасты- рады             | The portal refuses because the applicant's EDS is not confirmed (4-процесс)                                             | Сұрау салына- тын элек- трондық мемле- кеттік қызмет- ке бас- тарту хабар- ламасын қалып- тасты- рады | 1,5 мин              | –                                                                                                                           | refusal |
      | 5 | Мемлекеттік қызметті алушы | Мемлекеттік қызметті алушының ЭЦК таңдауымен тиражынаның қызметтерінде барынан қалыптастырылады                         | The applicant signs the request with the EDS; it goes via ЭУШ to the regional gateway workstation (5-процесс)           | Сұрау салудың бағыт- талуы                                                                            | 30 сек – 1 минут     | –                                                                                                                           |         |
      | 6 | ЭҮӨШ АЖО                   | Күжатты тіркеу, мемлекеттік қызметті алушының қызметтерінде барынан қалыптастырылады дау- туралы есепті жолдау          | The regional gateway workstation registers the request and notifies the applicant of the date of the result (6-процесс) | Сұрау салудың бағыт- талуы                                                                            | 1 минут              | 7 – егер мемле- кеттік қызмет- ті алу- шының дерек- терінде бұзушы- лық болса; 8 – егер бұзушы- лық болмаса                 |         |
      | 7 | ЭҮӨШ АЖО                   | Мемлекеттік қызметті алушының қызметтерінде барынан қалыптастырылады қалып- тасты- рады                                 | The provider forms a reasoned refusal because of defects in the applicant's documents (7-процесс)                       | Анық- тама немесе мемле- кеттік қызы- метті ка- сыну- дан бас тарту туралы дәлел- ді жауап            | 5 жұ- мыс күн ішінде | –                                                                                                                           | refusal |
      | 8 | ЭҮӨШ АЖО                   | Мемлекеттік қызметті алушының қызметтерінде барынан қалыптастырылады                                                    | The applicant receives the result: the certificate signed with the provider's EDS (8-процесс)                           |                                                                                                       |                      |                                                                                                                             | result  |
    And the errata:
      | at | field | act_says | read_as            | why                                                                                                                                                                                                                                                                                                                                                     |
      | 5  | next  | –        | 6                  | 5-процесс (п. 6 8), seed line 418) sends the signed request to the ЭУӨШ АЖО, where 6-процесс registers it (п. 6 9), line 420); "–" would end the flow before the request is registered.                                                                                                                                                                 |
      | 8  | limit |          | 5 жұмыс күн ішінде | The limits row (seed line 501) has 7 cells for 8 actions, so row 8 has none by position. 8-процесс (п. 6 12), line 426) is the applicant's receipt of the certificate or of the reasoned refusal of 7-процесс; the 5 жұмыс күн of row 7 bound that same decision. (Regulation 1's copy of this table gives 5 жұмыс күнінде on this row, seed line 184.) |
    And the service terms:
      | term                 | kind | text_kk                                                    | text_ru | value      | source                                                           |
      | certificate-validity | note | Анықтама берілген күннен бастап 1 (бір) ай ішінде жарамды. |         | 1 (бір) ай | 4-қосымша, output forms of the certificate (seed lines 702, 729) |

  @main
  Scenario: Main flow — the certificate is issued
    Given an applicant with a "good" certificate
    And the provider will approve the request
    When the applicant applies for the service
    Then step 1 is done — sign in
    And step 3 is done — fill in the request, choose the EDS
    And step 5 is done — request signed and sent
    And step 6 is done — registered at the ЭУӨШ АЖО, applicant notified
    And step 8 is done — certificate received

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
    And step 4 is done — refusal: EDS not confirmed

    Examples:
      | certificate  |
      | revoked      |
      | expired      |
      | iin-mismatch |

  @refusal
  Scenario: Refusal — the provider refuses with reasons
    Given an applicant with a "good" certificate
    And the provider will refuse the request with reason "Мемлекеттік қызметті алушының құжаттарында бұзушылықтар бар"
    When the applicant applies for the service
    Then step 1 is done — sign in
    And step 3 is done — fill in the request, choose the EDS
    And step 5 is done — request signed and sent
    And step 6 is done — registered at the ЭУӨШ АЖО
    And step 7 is done — reasoned refusal
