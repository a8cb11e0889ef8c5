# Transcription of seed 001 (shared/seeds/001_4b4de6d43b8355ea.txt),
# 1-қосымша, 2-кесте. ХҚКО арқылы іс-қимылдарды бейнелеу (seed lines 258-282;
# annex heading at seed lines 224-230). Narrative list of processes and
# conditions for the ХҚКО channel: п. 7, items 1)-10) (seed lines 116-138).
# The annex is printed as "1-қосымша"; п. 13 (seed lines 192-194) calls the
# table annex 2-қосымша (swapped with the diagrams, п. 14).
# The table is a swimlane matrix in three blocks of five columns, rows 1-5
# (ХҚКО, ХҚКО АЖ, ЭҰАШ (ЭҰШ), ХҚКО АЖ, ХҚКО; seed lines 260-267), 6-10 and
# 11-15 (ЖАО, ЖАО АЖ, ЭҮАШ (ЭҮШ), ХҚКО АЖ, ХҚКО; seed lines 268-274 and
# 275-282). Row 10 (ХҚКО lane of block 2) is an empty cell in the act: no
# action, completion or limit, only its number and next action "11".
# Row 2's action names "ЖАО қызметкері" (copied from the ЖАО table); the
# narrative п. 7 1), 4), 5) says the ХҚКО operator signs in and fills in the
# form — kept verbatim (the actor "ХҚКО АЖ" is right). The table has no rows
# for the narrative's refusal processes (2-үдеріс: operator authorization
# refused, 5-үдеріс: EDS not confirmed), nor for a desk refusal of an
# incomplete document set; the reasoned refusal (7-үдеріс) is an output
# document issued along the same rows as the archival certificate.
@service:archival-certificates-astana-2012 @channel:psc @seed:001
Feature: Archival certificates, Astana (2012) — PSC (ХҚКО)
  «Мұрағаттық анықтамалар беру» электрондық мемлекеттік қызмет регламенті
  (Астана қаласы әкімдігі), ХҚКО арқылы.

  Background:
    Given the regulation:
      | field    | value                                                                                                                                                                                                  |
      | title_kk | «Мұрағаттық анықтамалар беру» электрондық мемлекеттік қызмет регламенті                                                                                                                                |
      | title_en | Regulation of the e-service "Issuance of archival certificates" (city of Astana)                                                                                                                      |
      | act      | Астана қаласы әкімдігінің 2012 жылғы 21 маусымдағы № 193-826 қаулысы. Астана қаласының Әділет департаментінде 2012 жылғы 28 маусымда нормативтік құқықтық кесімдерді Мемлекеттік тіркеудің тізіліміне № 733 болып енгізілді |
      | seed     | 001_4b4de6d43b8355ea.txt                                                                                                                                                                               |
      | table    | 1-қосымша, 2-кесте. ХҚКО арқылы іс-қимылдарды бейнелеу                                                                                                                                                 |
    And the step table:
      | n  | actor       | action_kk                                                                                                                         | action_en                                                                                                                                                  | completion_kk                                                      | limit                  | next | outcome |
      | 1  | ХҚКО        | Өтініш пен құжаттардың шынайылығын тексеру                                                                                        | The PSC operator checks the application and the authenticity of the documents and accepts them                                                             | Қызметті алуға өтініш пен құжаттар қабылдау                        | 15 минуттан артық емес | 2    |         |
      | 2  | ХҚКО АЖ     | ЖАО қызметкері жүйеде авторизациялау үдерісін өтеді және электрондық мемлекеттік қызмет көрсетудегі нысанын толтырады                | The operator signs in to the PSC IS, fills in and signs the request form; it gets a number (п. 7 1)-6), 1-/3-/4-үдеріс; the act says "ЖАО қызметкері")      | Өтінішке нөмір бере отырып сұрауды тексеру                         | 1 минуттан артық емес  | 3    |         |
      | 3  | ЭҰАШ (ЭҰШ)  | ХҚКО АЖ мен ЖАО А Ж арасындағы мәртебесі туралы ескертуді бағыттау                                                                | The regional e-government gateway routes the request and its status notice from the PSC IS to the ЖАО IS (6-үдеріс, п. 7 8))                               | Сұрауды бағыттау                                                   | 1 минуттан артық емес  | 4    |         |
      | 4  | ХҚКО АЖ     | Өтінішке мәртебелері және орындауға жіберу                                                                                        | The PSC IS sets the application's status and sends it for execution; shows that it reached the ЖАО IS                                                      | ХҚКО АЖ дан ЖАО АЖ-ға түскені туралы мәртебесін көрсету            | 1 минуттан артық емес  | 5    |         |
      | 5  | ХҚКО        | Құжаттарды тексеру, өтінішті орындау                                                                                              | The PSC checks the documents and hands the application over for execution                                                                                  | өтінішті орындау                                                   | 15 минуттан артық емес | 6    |         |
      | 6  | ЖАО         | Сұрауды орындау. Мұрағаттық анықтама бойынша деректерді қағаз және электронды тасамалдаушы дерек базасында іздеу. Шешім қабылдау | ЖАО staff execute the request: search paper and electronic archives and decide (6-үдеріс, п. 7 8))                                                         | Қол қойылған құжатты ХҚКО жіберу                                   | 15 минуттан артық емес | 7    |         |
      | 7  | ЖАО АЖ      | Шығыс құжаттарын жасау                                                                                                            | The output documents (certificate or reasoned refusal) are drafted in the ЖАО IS; a notice goes to the PSC IS                                              | ХҚКО АЖ-ға ескертпені жіберу. Орындалу мәртебесін көрсету          | 1 минуттан артық емес  | 8    |         |
      | 8  | ЭҮАШ (ЭҮШ)  | ЖАО АЖ мен ХҚКО А Ж арасындағы мәртебе туралы ескертуді бағыттау                                                                  | The regional gateway routes the status notice from the ЖАО IS to the PSC IS                                                                                | Сұрауды бағыттау                                                   | 1 минуттан артық емес  | 9    |         |
      | 9  | ХҚКО АЖ     | Өтініштің мәртебесін қалыптастыруда                                                                                               | The PSC IS forms the application's status                                                                                                                  | Өтініштің мәртебесін қалыптастыру                                  | 1 минуттан артық емес  | 10   |         |
      | 10 | ХҚКО        |                                                                                                                                   | (Empty cell in the act: the PSC has no action in this block; a pass-through to row 11)                                                                     |                                                                    |                        | 11   |         |
      | 11 | ЖАО         | Шығыс құжатын жасау                                                                                                               | ЖАО staff draw up the output document and hand it, signed, to the PSC                                                                                      | ХҚКО қол қойылған шығыс құжатты тапсыру                            | 15 минуттан артық емес | 12   |         |
      | 12 | ЖАО АЖ      | Шығыс құжатты ЖАО қызметкерлерінің ЭЦҚ-мен қол қою. ЖАО АЖ мен ХҚКО АЖ арасындағы мәртебесі туралы ескертуді бағыттау             | The output document is signed with the ЖАО officer's EDS and sent to the PSC IS (7-үдеріс, п. 7 9)); a status notice is routed                             | Шығыс құжаттарының ескертуді жіберу                                | 1 минуттан артық емес  | 13   |         |
      | 13 | ЭҮАШ (ЭҮШ)  | ЖАО АЖ мен ХҚКО АЖ арасындағы мәртебесі туралы ескертуді бағыттау                                                                 | The regional gateway routes the status notice from the ЖАО IS to the PSC IS                                                                                | Сұрауды бағыттау                                                   | 1 минуттан артық емес  | 14   |         |
      | 14 | ХҚКО АЖ     | Қызмет көрсету аяқталғаны туралы мәртебені көрсету                                                                                | The PSC IS shows the status "service completed" and makes the output document available                                                                   | Өтініштің мәртебесін қалыптастыруда және шығыс құжатты беру        | 1 минуттан артық емес  | 15   |         |
      | 15 | ХҚКО        | ХҚКО қызметкерлерінің электрондық мемлекеттік қызмет нәтижесін қолма-қол немесе тұтынушының электрондық поштасына жіберу арқылы беру | PSC staff issue the result to the applicant by hand or by e-mail (8-үдеріс, п. 7 10))                                                                     | Шығыс құжаттарын беру                                              | 15 минуттан артық емес | -    | result  |
    And the errata:
      | at | field | act_says               | read_as                                                                   | why                                                                                                                                                                                                                                                                                                                   |
      | 6  | limit | 15 минуттан артық емес | 15 тен 30 күн күнтізбелік күнге дейін (жөкелеген жағдайларда 6 айға дейін) | The same action (Сұрауды орындау … іздеу. Шешім қабылдау, 6-үдеріс) has "15 тен 30 күн күнтізбелік күнге дейін (жөкелеген жағдайларда 6 айға дейін)" in the act's ЭҮП table (3-кесте, row 6, seed line 302). Block 2's limit row (seed line 273) repeats block 1's (seed line 266) in the ЖАО, ЖАО АЖ, ЭҮАШ and ХҚКО АЖ columns. |
      | 10 | limit | | – | The act numbers row 10 (ХҚКО lane of block 2, seed lines 269-274) and links 9 → 10 → 11, but leaves its action, completion and limit empty (seed lines 271-273): the PSC has nothing to do while the ЖАО executes (п. 7 8)-9)). Read as a pass-through with no time limit: the act gives none, and reglament never invents a budget. |

  @main
  Scenario: Main flow — the archival certificate is issued at the PSC
    Given the provider will approve the request
    When the applicant applies for the service
    Then step 1 is done — application and documents checked and accepted
    And step 2 is done — operator signed in, request filled in, numbered
    And step 3 is done — request routed to the ЖАО IS
    And step 4 is done — status set, sent for execution
    And step 5 is done — handed over for execution
    And step 6 is done — archives searched, decision taken
    And step 7 is done — output document drafted, notice sent
    And step 8 is done — status notice routed
    And step 9 is done — status formed
    And step 10 is done — (empty step of the act)
    And step 11 is done — output document drawn up and handed to the PSC
    And step 12 is done — output document signed with the ЖАО officer's EDS
    And step 13 is done — status notice routed
    And step 14 is done — status "service completed", output document available
    And step 15 is done — result issued to the applicant

  @refusal
  Scenario: Refusal — the ЖАО refuses with reasons (issued at the PSC as the output document)
    Given the provider will refuse the request with reason "Сұратылған кезеңге мұрағаттық құжаттар сақталмаған"
    When the applicant applies for the service
    Then step 1 is done — application and documents checked and accepted
    And step 2 is done — operator signed in, request filled in, numbered
    And step 3 is done — request routed to the ЖАО IS
    And step 4 is done — status set, sent for execution
    And step 5 is done — handed over for execution
    And step 6 is done — archives searched, decision: reasoned refusal
    And step 7 is done — refusal drafted as the output document, notice sent
    And step 8 is done — status notice routed
    And step 9 is done — status formed
    And step 10 is done — (empty step of the act)
    And step 11 is done — refusal drawn up and handed to the PSC
    And step 12 is done — refusal signed with the ЖАО officer's EDS
    And step 13 is done — status notice routed
    And step 14 is done — status "service completed", refusal available
    And step 15 is done — reasoned refusal issued to the applicant
