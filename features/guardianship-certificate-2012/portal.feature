# Transcription of seed 003 (shared/seeds/003_fb5181694af341c1.txt), regulation 1 of 3,
# 1-қосымша, 1-кесте. ЭУП арқылы ҚФБ іс-әрекеттерінің сипаттамасы (seed lines 176-188);
# narrative list of processes and conditions: п. 6, items 1)-12) (seed lines 81-105).
# The export flattened the table into tab-separated lines, one per table row, with the
# print layout's hyphenation ("хабар-ламасын", "Э Ц К") kept; cells are copied as the seed
# prints them. Columns: lines 178-179 and 180 put column k at tab position k; lines 182-185
# put it at k+1. The action names are split over lines 180 and 182 and the export
# interleaved neighbouring columns' words in them (e.g. row 3/4 "таңда-де бұ-Э Ц К"), so
# action_kk is garbled as printed; action_en follows the narrative. The next cells of
# rows 1, 3 and 5 continue on line 187 (joined; row 3 thus reads "5 – егер е г е р ...");
# the lone "-" on line 187 is read as the next cell of row 8, empty on line 185.
# Completion forms of rows 3 and 4 look swapped (refusal text on row 3); kept as printed.
@service:guardianship-certificate-2012 @channel:portal @seed:003 @regulation:1
Feature: Guardianship and trusteeship certificate (2012) — portal (ЭУП)
  «Қорғаншылық және қамқоршылық жөнінде анықтама беру» электрондық мемлекеттік
  қызмет көрсету регламенті (the first of three regulations approved by the act).

  Background:
    Given the regulation:
      | field    | value                                                                                                                                                                                                                                                                                                                                  |
      | title_kk | «Қорғаншылық және қамқоршылық жөнінде анықтама беру» электрондық мемлекеттік қызмет көрсету регламенті                                                                                                                                                                                                                                 |
      | title_en | Regulation of the e-service "Issuing a certificate on guardianship and trusteeship" (Magzhan Zhumabayev district, North Kazakhstan region)                                                                                                                                                                                             |
      | act      | Солтүстік Қазақстан облысы Мағжан Жұмабаев атындағы аудандық әкімдігінің 2012 жылғы 12 желтоқсандағы N 565 қаулысы. Солтүстік Қазақстан облысының Әділет департаментінде 2013 жылғы 24 қаңтарда N 2111 тіркелді. Күші жойылды - Солтүстік Қазақстан облысы Мағжан Жұмабаев ауданы әкімдігінің 2013 жылғы 24 мамырдағы N 184 қаулысымен |
      | seed     | 003_fb5181694af341c1.txt                                                                                                                                                                                                                                                                                                               |
      | table    | 1-қосымша, 1-кесте. ЭУП арқылы ҚФБ іс-әрекеттерінің сипаттамасы                                                                                                                                                                                                                                                                        |
    And the step table:
      | n | actor                      | action_kk                                                                                                                                                           | action_en                                                                                                               | completion_kk                                                                             | limit            | next                                                                                                                 | outcome |
      | 1 | Мемлекеттік қызметті алушы | ЖСН және пароль бойынша авторизацияланады                                                                                                                           | The applicant signs in to the portal with IIN and password (1-процесс)                                                  | Сұрау салуды ойдағы-дайдай қалыптастыру бойынша хабар-ламаны бейне-леу                    | 30 сек – 1 минут | 2 – егер мемлекеттік қызметті алуда-шының деректерінде бұзушылық болса; 3 – егер автори- зация- лау ой- дағыдай өтсе |         |
      | 2 | ЭУП                        | бұзушылықтар-даң болуына байла-нысты, бас тарту хабар-ламасын қалып-тасты-рады                                                                                      | The portal refuses authorization because of defects in the applicant's data (2-процесс)                                 | Сұрау салынатын электрондық мемлекеттік қызметке бас тарту хабар-ламасын қалып-тасты-рады | 30 сек           | –                                                                                                                    | refusal |
      | 3 | Мемлекеттік қызметті алушы | Мемлекеттік қызметті алушының ЭЦК деректерінде ұымен қызмет-ті алуда- және сұрау дерек-терін қалып-тасты-рады                                                       | The applicant chooses the service, fills in the request, attaches the documents, chooses the EDS (3-процесс)            | Сұрау салынатын электрондық мемлекеттік қызметке бас тарту хабар-ламасын қалып-тасты-рады | 1,5 мин          | 4 – егер мемлекеттік қызметті алуда-шының деректерінде бұзушылық болса; 5 – егер е г е р бұзушы- л ы қ болмаса       |         |
      | 4 | ЭУП                        | Мемлекеттік қызметті алушының ЭЦК таңда-де бұ-Э Ц К зушы-лық-тардың болуы-на сұрау байла-салудың нысты, қалып-тасты-рады                                            | The portal refuses because the applicant's EDS is not confirmed (4-процесс)                                             | Сұрау салудың бағытталуы                                                                  | 1,5 мин          | –                                                                                                                    | refusal |
      | 5 | Мемлекеттік қызметті алушы | Мемлекеттік қызметті алуша-хабарландыруды мемлекеттік қызмет арқылы куәлан-тардың (қол кою) байла-және сұрау салуды қалып-тасты-рады                                | The applicant signs the request with the EDS; it goes via ЭУШ to the regional gateway workstation (5-процесс)           | Сұрау салудың бағытталуы                                                                  | 30 сек – 1 минут | 7 – егер мемлекеттік қызметті алуда-шының деректерінде бұзушылық болса; 8 – е г е р бұзушы- л ы қ болмаса            |         |
      | 6 | ЭУШ АЖО                    | Күжатты тіркеу, мемлекеттік қызметті алушының қүжаттарында нәтиже-сін алудың датасы мен уа-қытын мемле-кеттік қызмет ұсынуға сұрауды қабыл-дау туралы есепті жолдау | The regional gateway workstation registers the request and notifies the applicant of the date of the result (6-процесс) | Сұрау салудың бағытталуы                                                                  | 1 минут          | –                                                                                                                    |         |
      | 7 | ЭУШ АЖО                    | Мемлекеттік қызметті алушының қүжаттарында бұзу-шылықтардың болуы-на байла-нысты, бас тарту туралы хабар-лама қалып-тасты-рады                                      | The provider forms a reasoned refusal because of defects in the applicant's documents (7-процесс)                       | Сұрау салудың бағытталуы                                                                  | –                | –                                                                                                                    | refusal |
      | 8 | ЭУШ АЖО                    | Мемлекеттік қызметті алушының қүжаттарында қыз-метті алушы-ның қызмет жесін алуы                                                                                    | The applicant receives the result: the certificate signed with the provider's EDS (8-процесс)                           | Анықтама немесе мемлекеттік қызметті ұсыну-дан бас тарту туралы дәлелді жауап             | 5 жұмыс күнінде  | -                                                                                                                    | result  |
    And the errata:
      | at | field | act_says                                                                                                  | read_as                                                                                         | why                                                                                                                                                                                                                                                 |
      | 5  | next  | 7 – егер мемлекеттік қызметті алуда-шының деректерінде бұзушылық болса; 8 – е г е р бұзушы- л ы қ болмаса | 6                                                                                               | 5-процесс (п. 6 8), seed line 97) sends the signed request to the ЭУӨШ АЖО, where 6-процесс registers it (п. 6 9), line 99). The branch of 3-шарт belongs to row 6: the act wrote it one row early (seed lines 185, 187).                           |
      | 6  | next  | –                                                                                                         | 7 – егер мемлекеттік қызметті алушының құжаттарында бұзушылық болса; 8 – егер бұзушылық болмаса | 3-шарт (п. 6 10), line 101): after registration the provider checks the documents; reasoned refusal (7-процесс, п. 6 11), line 103) on defects, result (8-процесс, п. 6 12), line 105) otherwise. The act wrote this branch on row 5 and "–" here.  |
      | 6  | actor | ЭУШ АЖО                                                                                                   | ЭУӨШ АЖО                                                                                        | 6-процесс registers the request in the ЭУӨШ АЖО (п. 6 9), line 99). The act defines ЭУШ twice, for the regional gateway (п. 5 10), line 65) and for the e-government gateway (п. 5 13), line 71); read as the regional gateway the narrative names. |
      | 7  | actor | ЭУШ АЖО                                                                                                   | ЭУӨШ АЖО                                                                                        | The reasoned refusal is formed by the provider in the ЭУӨШ АЖО (п. 6 10)-12), lines 101-105); ЭУШ is read as the regional gateway, as defined in п. 5 10) (line 65).                                                                                |
      | 7  | limit | –                                                                                                         | 5 жұмыс күнінде                                                                                 | The act gives no limit for 7-процесс. Its refusal is what the applicant receives in 8-процесс (п. 6 12), line 105: «анықтаманы ... немесе ... бас тарту туралы дәлелденген жауапты алуы»), whose limit is 5 жұмыс күнінде (row 8, seed line 184).   |
      | 8  | actor | ЭУШ АЖО                                                                                                   | ЭУӨШ АЖО                                                                                        | 8-процесс: the result is formed in the ЭУӨШ АЖО (п. 6 12), line 105); ЭУШ is read as the regional gateway, as defined in п. 5 10) (line 65).                                                                                                        |

  @main
  Scenario: Main flow — the guardianship certificate is issued
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
