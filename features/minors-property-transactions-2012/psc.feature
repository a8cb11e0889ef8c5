# Transcription of seed 003 (shared/seeds/003_fb5181694af341c1.txt), regulation 3 of 3,
# 1-қосымша, 2-кесте. Орталық арқылы ҚФБ іс-әрекеттерінің сипаттамасы (seed lines 976-991);
# narrative list of processes and conditions: п. 7, items 1)-11) (seed lines 899-923).
# Tab-separated export; cells copied as the seed prints them (print hyphenation kept; the
# action names are garbled as printed, e.g. row 9 holds a refusal text; action_en follows
# the narrative). Lines 983-991 put column k at tab position k+1. The limits of rows 8
# and 9 are wrapped: their heads are on line 987 at the positions of columns 8 and 9
# («Орталықтан түскен құжаттарды ресімдеуде», «20 минут ішінде (бір жұмыс күні ішінде
# мемлекеттік қызмет»), their tails one column to the left, on line 990 (position of
# column 7) and line 991 (position of column 8, in the next-action row); each is joined
# to its head, as regulation 2 prints them (seed lines 512-515). Row 7 thus has no limit,
# and rows 8-9 no next action (line 991 has cells for rows 1-7 only).
@service:minors-property-transactions-2012 @channel:psc @seed:003 @regulation:3
Feature: Certificates for transactions with minors' property (2012) — PSC (Орталық)
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
      | table    | 1-қосымша, 2-кесте. Орталық арқылы ҚФБ іс-әрекеттерінің сипаттамасы                                                                                                                                                                                                                                                                    |
    And the step table:
      | n | actor             | action_kk                                                                                                                          | action_en                                                                                                                   | completion_kk                                                     | limit                                                                                                                                                                              | next                                                                                                              | outcome |
      | 1 | Орталық операторы | Орталық операторы логин және пароль арқылы авторизацияланады                                                                       | The PSC operator signs in to the ЭУӨШ АЖО with login and password (1-процесс)                                               | Колхат                                                            | 1 минут                                                                                                                                                                            | 2                                                                                                                 |         |
      | 2 | Орталық операторы | Қызметті таңдайды және сұраудың деректерін қалыптастырады                                                                          | The operator chooses the service and enters the applicant's (and the representative's) data in the request form (2-процесс) | Сұраудың ойдағыдан қалыптастыру жөнінде хабарламаны бейнелеу      | 30 сек                                                                                                                                                                             | 3                                                                                                                 |         |
      | 3 | Орталық операторы | Ж Т МДК-на, БНАЖ-не сұраудың деректердің қалыптастырады                                                                            | The request for the applicant's data goes via ЭУШ to ЖТ МДҚ, and for the power of attorney to БНАЖ (3-процесс)              | Сұраудың бағытталуы                                               | 1,5 мин                                                                                                                                                                            | 4 – егер мемле- кеттік қыз- метті алушы- ның дерек- терін- де бұ- зушы- лық болса; 5 – егер бұзу- шылық болма- са |         |
      | 4 | ЖТ МДК, БНАЖ      | Мемлекеттік қызметтің алудың деректері болмайна байланысты, сұраудың деректердің алмаудың жөніндегі хабарламасын қалыптастырады    | A message that the data cannot be obtained: no record in ЖТ МДҚ / БНАЖ (4-процесс)                                          | Дәлелді бастартудың қалыптастыру                                  | 1,5 мин                                                                                                                                                                            | –                                                                                                                 | refusal |
      | 5 | Орталық операторы | Сұраудың қажеттің күжаттардың тіркеудегі құжаттың жиберу                                                                           | The operator completes the form, scans and attaches the documents, certifies the request with the EDS (5-процесс)           | Сұраудың бағытталуының өтінішкесінде борынша хабарламаны бейнелеу | 30 сек – 1 минут                                                                                                                                                                   | –                                                                                                                 |         |
      | 6 | Орталық операторы | Сұраудың қажеттің күжаттардың жиберу                                                                                               | The operator's signed request is sent via ЭУШ to the ЭУӨШ АЖО (6-процесс)                                                   | Сұраудың бағытталуының өтінішкесінде борынша хабарламаны бейнелеу | 1 минут                                                                                                                                                                            | 8 – егер бұзу- шылық бол- са; 9 – егер бұзу- шылық бол- маса                                                      |         |
      | 7 | Қызмет беру -ші   | Мемлекеттік қызметтің алудың мәт алу-шымен қоса бе-дырылған (қол койылған) құжаттың жиберу                                         | The request is registered in the ЭУӨШ АЖО; the applicant gets a receipt for the documents (7-процесс)                       | Стандарттың 11 тармағында көрсөтілген құжаттар                    |                                                                                                                                                                                    | –                                                                                                                 |         |
      | 8 | Қызмет беруші     | Мемлекеттік қызметтің алудың бұзушылыктарында бұзушылықтар-дың бодалуына мен байланысты, бас тарту туралы хабарлама қалыптастырады | The provider refuses because of defects in the applicant's documents and returns them to the PSC (8-процесс)                | Дәлелді бастартудың қалыптастыру                                  | Орталықтан түскен құжаттарды ресімдеуде қате- лерді аныкта- ға н жағдай- да үш жұмыс күн ішін- де                                                                                  |                                                                                                                   | refusal |
      | 9 | Орталық операторы | Мемлекеттік қызметтің алудың мен байланысты, бас тарту туралы хабарлама қалыптастырады                                             | The applicant receives the paper certificate through the PSC operator (9-процесс; the act's cell repeats a refusal text)    | Анықтама                                                          | 20 минут ішінде (бір жұмыс күні ішінде мемлекеттік қызмет алуши- ны хা- бар- ланды- рады және қайта- ру се- бебі туралы өкі- летті орган- ның жазба- ша не- гізде- месін бере- ді) |                                                                                                                   | result  |
    And the errata:
      | at | field | act_says                                                     | read_as                                              | why                                                                                                                                                                                                                                                       |
      | 5  | next  | –                                                            | 6                                                    | 5-процесс (п. 7 6), seed line 911) is followed by sending the signed request (6-процесс, п. 7 7), line 913); "–" would end the flow before the request is sent.                                                                                           |
      | 6  | next  | 8 – егер бұзу- шылық бол- са; 9 – егер бұзу- шылық бол- маса | 7                                                    | After sending (6-процесс) the request is registered and a receipt given (7-процесс, п. 7 8), line 915); the provider's check (2-шарт, п. 7 9), line 917) comes after registration. The act printed the 2-шарт branch here, one row early (seed line 991). |
      | 7  | next  | –                                                            | 8 – егер бұзушылық болса; 9 – егер бұзушылық болмаса | 2-шарт (п. 7 9), line 917): the provider checks the documents after registration; refusal (8-процесс, п. 7 10), lines 919-921) on defects, result (9-процесс, п. 7 11), line 923) otherwise. The branch the act printed on row 6 belongs here.            |
      | 7  | limit |                                                              | –                                                    | Regulation 3 gives no limit for 7-процесс (п. 7 8), line 915): the limits row (seed lines 987-991) has cells for rows 1-6, 8 and 9 only. No budget is read; the row stays unjudged.                                                                       |
    And the service terms:
      | term                 | kind | text_kk                                                       | text_ru | value      | source                                                     |
      | certificate-validity | note | Аныктама берген күннен бастап 1 (бір) ай бойына өрекет етеді. |         | 1 (бір) ай | 4-қосымша, output form of the certificate (seed line 1156) |

  @main
  Scenario: Main flow — the certificate is issued at the PSC
    Given the applicant's record in the state database is "found"
    And the provider will approve the request
    When the applicant applies for the service
    Then step 1 is done — operator signs in
    And step 2 is done — request form filled in
    And step 3 is done — ЖТ МДҚ / БНАЖ queried
    And step 5 is done — documents scanned, request certified with the EDS
    And step 6 is done — request sent to the ЭУӨШ АЖО
    And step 7 is done — registered, receipt given
    And step 9 is done — certificate handed out by the operator

  @refusal
  Scenario: Refusal — the applicant's data is not found in the state database
    Given the applicant's record in the state database is "not-found"
    When the applicant applies for the service
    Then step 1 is done — operator signs in
    And step 2 is done — request form filled in
    And step 3 is done — ЖТ МДҚ / БНАЖ queried
    And step 4 is done — refusal: data cannot be obtained

  @refusal
  Scenario: Refusal — the provider refuses with reasons
    Given the applicant's record in the state database is "found"
    And the provider will refuse the request with reason "Мемлекеттік қызметті алушының құжаттарында бұзушылықтар бар"
    When the applicant applies for the service
    Then step 1 is done — operator signs in
    And step 2 is done — request form filled in
    And step 3 is done — ЖТ МДҚ / БНАЖ queried
    And step 5 is done — documents scanned, request certified with the EDS
    And step 6 is done — request sent to the ЭУӨШ АЖО
    And step 7 is done — registered, receipt given
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
