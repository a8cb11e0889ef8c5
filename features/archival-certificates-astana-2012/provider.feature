# Transcription of seed 001 (shared/seeds/001_4b4de6d43b8355ea.txt),
# 1-қосымша, 1-кесте. ЖАО арқылы іс-қимылдарды сипаттау (seed lines 232-256;
# annex heading at seed lines 224-230). Narrative list of processes and
# conditions for the ЖАО channel: п. 6, items 1)-11) (seed lines 92-114).
# The annex is printed as "1-қосымша"; п. 13 (seed lines 192-194) calls the
# table annex 2-қосымша and п. 14 the diagrams annex 1-қосымша (swapped).
# The table is a swimlane matrix in three blocks of four columns (ЖАО, ЖАО АЖ,
# ЭҮАШ/ЭҰАШ, ХҚКО АЖ), rows 1-4 (seed lines 234-240), 5-8 (241-249), 9-12
# (250-256). Row 5's action and row 7's action are wrapped over seed lines 244
# and 246 and are joined here with single spaces. The table has no rows for
# the narrative's refusal processes (2-үдеріс: authorization refused, 5-үдеріс:
# EDS not confirmed); the reasoned refusal (7-үдеріс) is an output document
# issued along the same rows as the archival certificate (row 5's completion).
@service:archival-certificates-astana-2012 @channel:provider @seed:001
Feature: Archival certificates, Astana (2012) — provider (ЖАО)
  «Мұрағаттық анықтамалар беру» электрондық мемлекеттік қызмет регламенті
  (Астана қаласы әкімдігі), ЖАО арқылы.

  Background:
    Given the regulation:
      | field    | value                                                                                                                                                                                                  |
      | title_kk | «Мұрағаттық анықтамалар беру» электрондық мемлекеттік қызмет регламенті                                                                                                                                |
      | title_en | Regulation of the e-service "Issuance of archival certificates" (city of Astana)                                                                                                                      |
      | act      | Астана қаласы әкімдігінің 2012 жылғы 21 маусымдағы № 193-826 қаулысы. Астана қаласының Әділет департаментінде 2012 жылғы 28 маусымда нормативтік құқықтық кесімдерді Мемлекеттік тіркеудің тізіліміне № 733 болып енгізілді |
      | seed     | 001_4b4de6d43b8355ea.txt                                                                                                                                                                               |
      | table    | 1-қосымша, 1-кесте. ЖАО арқылы іс-қимылдарды сипаттау                                                                                                                                                  |
    And the step table:
      | n  | actor       | action_kk                                                                                                                          | action_en                                                                                                                                   | completion_kk                                                                                                                       | limit                  | next | outcome |
      | 1  | ЖАО         | Өтініш пен құжаттардың түпнұсқалылығын тексеру, ЖАО АЖ-ға мәліметтер енгізу                                                        | ЖАО staff check the application and the original documents and enter the data into the ЖАО IS (п. 6 1))                                     | Қызметтер алуға өтініш пен құжаттар қабылдау                                                                                        | 15 минуттан артық емес | 2    |         |
      | 2  | ЖАО АЖ      | ЖАО қызметкерлері жүйеде авторизациялау үдерісінен өтеді және электрондық мемлекеттік қызмет көрсетудегі нысанын толтырады            | ЖАО staff sign in to the ЖАО IS, fill in and sign the e-service request form; it is registered with a number (п. 6 2)-7), 1-/3-/4-үдеріс)    | Өтінішке нөмір бере отырып, сұрауды тіркеу                                                                                          | 1 минуттан артық емес  | 3    |         |
      | 3  | ЭҮАШ (ЭҮШ)  | ЖАО АЖ мен ХҚКО АЖ арасындағы мәртебе туралы ескертуді бағыттау                                                                    | The regional e-government gateway routes the status notice between the ЖАО IS and the PSC IS                                                | Сұрауды бағыттау                                                                                                                    | 1 минуттан артық емес  | 4    |         |
      | 4  | ХҚКО АЖ     | Өтінішке нөмір беру. Ағымдағы мәртебесі көрсетілген ескертуді қалыптастыру                                                          | The PSC IS assigns the application a number and forms a notice with its current status                                                      | Түскендердің мәртебесін көрсету                                                                                                     | 1 минуттан артық емес  | 5    |         |
      | 5  | ЖАО         | Сұрауды орындау. Мұрағаттық анықтама бойынша деректерді қағаз және электронды тасымалдаушы дерек базасында іздеу. Шешім қабылдау   | ЖАО staff execute the request: search paper and electronic archives for the certificate's data and decide (6-үдеріс, п. 6 9))               | Мұрағаттық анықтаманы немесе дәлел түрде бас тарту                                                                                  | 15 минуттан артық емес | 2    |         |
      | 6  | ЖАО АЖ      | Шығыс құжаттарын жасау                                                                                                             | The output documents (certificate or reasoned refusal) are drafted in the ЖАО IS                                                            | Жүйеде шығыс құжатын жасау                                                                                                          | 1 минуттан артық емес  | 3    |         |
      | 7  | ЭҮАШ (ЭҮШ)  | ЖАО АЖ мен ХҚКО АЖ арасындағы мәртебе туралы ескертуді бағыттау                                                                    | The regional gateway routes the status notice between the ЖАО IS and the PSC IS                                                             | Сұрауды бағыттау                                                                                                                    | 1 минуттан артық емес  | 4    |         |
      | 8  | ХҚКО АЖ     | Өтініштің мәртебесі қалыптастыруда                                                                                                 | The PSC IS forms the application's status                                                                                                   | Өтініштің мәртебесін қалыптастыру                                                                                                   | 1 минуттан артық емес  | 5    |         |
      | 9  | ЖАО         | Шығыс құжатын жасау                                                                                                                | ЖАО staff draw up the output document, to be issued by hand or to the applicant's e-mail (8-үдеріс, п. 6 11))                               | Ж А О қызметкерлерінің электрондық мемлекеттік қызмет нәтижесін қолма-қол немесе тұтынушының электрондық поштасына жіберу арқылы беруі | 15 минуттан артық емес | 10   |         |
      | 10 | ЖАО АЖ      | Шығыс құжатты ЖАО қызметкерінің ЭЦҚ-мен қол қою. ЖАО АЖ мен ХҚКО АЖ арасындағы мәртебесі туралы ескертуді бағыттау                 | The output document is signed with the ЖАО officer's EDS (7-үдеріс, п. 6 10)); a status notice goes to the PSC IS                           | Ж А О қызметкерлерінің ЭЦП арқылы қойған шығыс құжат. ХҚКО-ға мәртебесі ауысқаны туралы ескерту                                       | 1 минуттан артық емес  | 11   |         |
      | 11 | ЭҰАШ (ЭҰШ)  | ЖАО АЖ мен ХҚКО АЖ арасындағы мәртебесі туралы ескертуді бағыттау                                                                  | The regional gateway routes the status notice between the ЖАО IS and the PSC IS                                                             | Сұраудағы бағыттау                                                                                                                  | 1 минуттан артық емес  | 12   |         |
      | 12 | ХҚКО АЖ     | Өтініштің мәртебесін қалыптастыруда                                                                                                | The PSC IS forms the final status; the output document is issued to the applicant                                                           | Өтініштің мәртебесін қалыптастыруда және шығыс құжатты беру                                                                         | 1 минуттан артық емес  | -    | result  |
    And the errata:
      | at | field | act_says               | read_as                                                                      | why                                                                                                                                                                                                                                                                                                                 |
      | 5  | next  | 2                      | 6                                                                            | Block 2 of the table (rows 5-8) repeats block 1's next-action row "2 3 4 5" (seed line 249 = seed line 240). After the search and decision (6-үдеріс, п. 6 9)) the output document is drawn up (row 6); as written, rows 2→3→4→5 loop and rows 6-12 are unreachable.                                                    |
      | 6  | next  | 3                      | 7                                                                            | Same copy of block 1's next-action row (seed line 249); the drafted output document's status is routed next (row 7), not the registration notice of row 3.                                                                                                                                                      |
      | 7  | next  | 4                      | 8                                                                            | Same copy of block 1's next-action row (seed line 249); the routed notice reaches the PSC IS status of row 8, not row 4.                                                                                                                                                                                          |
      | 8  | next  | 5                      | 9                                                                            | Same copy of block 1's next-action row (seed line 249); block 3 (row 9, seed line 251) follows: result formed and issued (7-/8-үдеріс, п. 6 10)-11)). As written row 8 leads back to row 5.                                                                                                                      |
      | 5  | limit | 15 минуттан артық емес | 15 тен 30 күн күнтізбелік күнге дейін (жөкелеген жағдайларда 6 айға дейін)    | The same action (Сұрауды орындау … іздеу. Шешім қабылдау, 6-үдеріс) has "15 тен 30 күн күнтізбелік күнге дейін (жөкелеген жағдайларда 6 айға дейін)" in the act's ЭҮП table (3-кесте, row 6, seed line 302). Block 2's limit row (seed line 248) is a copy of block 1's (seed line 239), like its next-action row. |

  @main
  Scenario: Main flow — the archival certificate is issued
    Given the provider will approve the request
    When the applicant applies for the service
    Then step 1 is done — application and original documents checked, data entered
    And step 2 is done — staff signed in, request form filled in and registered
    And step 3 is done — status notice routed
    And step 4 is done — number assigned, status notice formed
    And step 5 is done — archives searched, decision taken
    And step 6 is done — output document drafted
    And step 7 is done — status notice routed
    And step 8 is done — status formed
    And step 9 is done — output document drawn up
    And step 10 is done — output document signed with the ЖАО officer's EDS
    And step 11 is done — status notice routed
    And step 12 is done — status formed, output document issued

  @refusal
  Scenario: Refusal — the ЖАО refuses with reasons (issued as the output document)
    Given the provider will refuse the request with reason "Сұратылған кезеңге мұрағаттық құжаттар сақталмаған"
    When the applicant applies for the service
    Then step 1 is done — application and original documents checked, data entered
    And step 2 is done — staff signed in, request form filled in and registered
    And step 3 is done — status notice routed
    And step 4 is done — number assigned, status notice formed
    And step 5 is done — archives searched, decision: reasoned refusal
    And step 6 is done — refusal drafted as the output document
    And step 7 is done — status notice routed
    And step 8 is done — status formed
    And step 9 is done — output document drawn up
    And step 10 is done — refusal signed with the ЖАО officer's EDS
    And step 11 is done — status notice routed
    And step 12 is done — status formed, reasoned refusal issued
