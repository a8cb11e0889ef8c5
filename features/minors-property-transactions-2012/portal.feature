# Transcription of seed 003 (shared/seeds/003_fb5181694af341c1.txt), regulation 3 of 3,
# 1-қосымша, 1-кесте. ЭУП арқылы ҚФБ іс-әрекеттерінің сипаттамасы (seed lines 965-974);
# narrative list of processes and conditions: п. 6, items 1)-12) (seed lines 869-897).
# Tab-separated export, one line per table row; cells copied as the seed prints them
# (print hyphenation kept; the action names interleave neighbouring columns as printed,
# e.g. row 5 holds 6-процесс's words; action_en follows the narrative). Lines 967-971 put
# column k at tab position k (line 971 continues the action names, joined by position);
# lines 972-974 at k+1 and have 7 cells for 8 actions: by position row 8 has no
# completion form, limit or next, row 7 carries the «Анық- тама немесе ...» form.
@service:minors-property-transactions-2012 @channel:portal @seed:003 @regulation:3
Feature: Certificates for transactions with minors' property (2012) — portal (ЭУП)
  «Кәмелетке толмағандарға меншік құқығында тиесілі мүлікпен мәмілелерді ресімдеу үшін
  қорғанышылық немесе қамқоршылық жөніндегі функцияларды жүзеге асыратын органдардың
  анықтамаларын беру» электрондық мемлекеттік қызмет көрсету регламенті (the third of three
  regulations approved by the act).

  Background:
    Given the regulation:
      | field    | value                                                                                                                                                                                                                                                                                                                                  |
      | title_kk | «Кәмелетке толмағандарға меншік құқығында тиесілі мүлікпен мәмілелерді ресімдеу үшін қорғанышылық немесе қамқоршылық жөніндегі функцияларды жүзеге асыратын органдардың анықтамаларын беру» электрондық мемлекеттік қызмет көрсету регламенті                                                                                          |
      | title_en | Regulation of the e-service "Issuing certificates of the guardianship and trusteeship bodies for transactions with property owned by minors" (Magzhan Zhumabayev district, North Kazakhstan region)                                                                                                                                    |
      | act      | Солтүстік Қазақстан облысы Мағжан Жұмабаев атындағы аудандық әкімдігінің 2012 жылғы 12 желтоқсандағы N 565 қаулысы. Солтүстік Қазақстан облысының Әділет департаментінде 2013 жылғы 24 қаңтарда N 2111 тіркелді. Күші жойылды - Солтүстік Қазақстан облысы Мағжан Жұмабаев ауданы әкімдігінің 2013 жылғы 24 мамырдағы N 184 қаулысымен |
      | seed     | 003_fb5181694af341c1.txt                                                                                                                                                                                                                                                                                                               |
      | table    | 1-қосымша, 1-кесте. ЭУП арқылы ҚФБ іс-әрекеттерінің сипаттамасы                                                                                                                                                                                                                                                                        |
    And the step table:
      | n | actor                      | action_kk                                                                                                                                                                                                                                              | action_en                                                                                                               | completion_kk                                                                                           | limit            | next                                                                                                                        | outcome |
      | 1 | Мемлекеттік қызметті алушы | ЖСН және пароль бойынша ЭУП-та авторизацияланады                                                                                                                                                                                                       | The applicant signs in to the portal with IIN and password (1-процесс)                                                  | Сұрау салуды (ойдағы- дай қа- лыптас- тыру бойынша хабар- ламаны бейне- леу                             | 30 сек- 1 минут  | 2 – егер мемле- кеттік қызмет- ті алу- шының дерек- терінде бұзушы- лық болса; 3 – егер автори- зация- лау ой- дағыдай өтсе |         |
      | 2 | ЭУП                        | Мемлекеттік қызметті алушының деректерінде бұзушылықтар- дың боловына байла- нысты, бас тарту хабар- ламасын калып- тасты- рады                                                                                                                        | The portal refuses authorization because of defects in the applicant's data (2-процесс)                                 | Сұрау салына- тын элек- трондық мемле- кеттік қызмет- ке бас тарту хабар- ламасын қалып- тасты- рады    | 30 сек           | 4 – егер мемле- кеттік қызмет- ті алу- шының дерек- терінде бұзушы- лық болса; 5 – егер бұзушы- лық болмаса                 | refusal |
      | 3 | Мемлекеттік қызметті алушы | Мемлекеттік қызметті алушының танда- уымен қызмет- ті таң- даиды және сұрау салудың дерек- терін калып- тасты- рады                                                                                                                                    | The applicant chooses the service, fills in the request, attaches the documents, chooses the EDS (3-процесс)            | Сұрау салудын элек- трон- дық мемле- кеттік қыз- метке ба с тарту туралы хабар- лама қалып- тасты- рады | 1,5 мин          |                                                                                                                             |         |
      | 4 | ЭУП                        | Мемле- кеттік қыз- метті алушы- ның ЭЦК терін- де бұ- зушы- лық- тардың тарын- да бұзу- шылық- калып- тасты- рады                                                                                                                                      | The portal refuses because the applicant's EDS is not confirmed (4-процесс)                                             | Сұрау салудың багыт- талуы                                                                              | 1,5 мин          |                                                                                                                             | refusal |
      | 5 | Мемлекеттік қызметті алушы | Мемлекеттік қызметті алушының хабар- ланы- руды мемле- кеттік қызмет- ті алушы- ның арқылы куәлан- дыру алудың нәтиже- сін алудың датасы мен уа- қытын корсету мен мемле- кеттік қызмет                                                                | The applicant signs the request with the EDS; it goes via ЭУШ to the regional gateway workstation (5-процесс)           | Отініш- ке нө- мір беру арқылы сұрау салуды тіркеу                                                      | 30 сек – 1 минут | 7 – егер мемле- кеттік қызмет- ті алу- шының дерек- терінде бұзушы- лық болса; 8 – егер бұзушы- лық болмаса                 |         |
      | 6 | ЭУӨШ АЖО                   | Күжатты тіркеу, мемлекеттік қызметті алушыға хабар- ланы- руды мемле- кеттік қызмет- ті алушы- ның арқылы куәлан- дыру алудың нәтиже- сін алудың датасы мен уа- қытын корсету мен мемле- кеттік қызмет ұсынуға сұрауды қабыл- дау туралы есепті жолдау | The regional gateway workstation registers the request and notifies the applicant of the date of the result (6-процесс) | Дәлел- ді бас тарту- ды қа- лып- тасты- ру                                                              | 1 минут          |                                                                                                                             |         |
      | 7 | ЭУӨШ АЖО                   | Мемлекеттік қызметті алушының қызмет нәти- да бұзу- шылық- тардың болуы- на байла- нысты, бас тарту туралы хабар- лама қалып- тасты- рады                                                                                                              | The provider forms a reasoned refusal because of defects in the applicant's documents (7-процесс)                       | Анық- тама немесе мемле- кеттік қыз- метті ұсыну- дан бас тарту туралы дәлел- ді жауап                  | –                |                                                                                                                             | refusal |
      | 8 | ЭУӨШ АЖО                   | жесін алуы                                                                                                                                                                                                                                             | The applicant receives the result: the certificate signed with the provider's EDS (8-процесс)                           |                                                                                                         |                  |                                                                                                                             | result  |
    And the errata:
      | at | field | act_says                                                                                                    | read_as                                                                                         | why                                                                                                                                                                                                                                                                   |
      | 2  | next  | 4 – егер мемле- кеттік қызмет- ті алу- шының дерек- терінде бұзушы- лық болса; 5 – егер бұзушы- лық болмаса | –                                                                                               | Row 2 is the authorization refusal (2-процесс, п. 6 4), seed line 879), an end. The next-action row (seed line 974) has 7 cells for 8 actions and prints the 2-шарт branch one column early; it belongs to row 3.                                                     |
      | 3  | next  |                                                                                                             | 4 – егер мемлекеттік қызметті алушының деректерінде бұзушылық болса; 5 – егер бұзушылық болмаса | 2-шарт (п. 6 6), line 883) follows 3-процесс (п. 6 5), line 881): refusal (4-процесс, п. 6 7), line 885) if the EDS is not confirmed, signing (5-процесс, п. 6 8), line 887) otherwise. The act printed this branch on row 2 and left this cell empty.                |
      | 5  | next  | 7 – егер мемле- кеттік қызмет- ті алу- шының дерек- терінде бұзушы- лық болса; 8 – егер бұзушы- лық болмаса | 6                                                                                               | 5-процесс (п. 6 8), line 887) sends the signed request to the ЭУӨШ АЖО, where 6-процесс registers it (п. 6 9), line 889). The branch of 3-шарт belongs to row 6: the act printed it one row early (seed line 974).                                                    |
      | 6  | next  |                                                                                                             | 7 – егер мемлекеттік қызметті алушының құжаттарында бұзушылық болса; 8 – егер бұзушылық болмаса | 3-шарт (п. 6 10), line 891): after registration the provider checks the documents; reasoned refusal (7-процесс, п. 6 11), line 893) on defects, result (8-процесс, п. 6 12), lines 895-897) otherwise. The act printed this branch on row 5 and left this cell empty. |
      | 7  | limit | –                                                                                                           |                                                                                                 | Regulation 3 gives no limit for the provider's refusal (7-процесс) and none for 8-процесс: its limits row (seed line 973) has 7 cells for 8 actions and ends in «–». No budget is read; the row stays unjudged.                                                       |
      | 8  | limit |                                                                                                             | –                                                                                               | No limit for 8-процесс (п. 6 12), lines 895-897): the limits row (seed line 973) has 7 cells for 8 actions. No budget is read; the row stays unjudged.                                                                                                                |
    And the service terms:
      | term                 | kind | text_kk                                                       | text_ru | value      | source                                                     |
      | certificate-validity | note | Аныктама берген күннен бастап 1 (бір) ай бойына өрекет етеді. |         | 1 (бір) ай | 4-қосымша, output form of the certificate (seed line 1156) |

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
