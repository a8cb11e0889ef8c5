# Transcription of seed 001 (shared/seeds/001_4b4de6d43b8355ea.txt),
# 1-қосымша, 3-кесте. ЭҮП арқылы іс-қимылдарды бейнелеу (seed lines 284-315;
# annex heading at seed lines 224-230). Narrative list of processes and
# conditions for the portal channel: п. 8, items 1)-10) (seed lines 140-160);
# п. 9 (signing and sending to ЖАО АЖ, seed lines 162-169) and п. 10 (status
# check in «Қызметтер алу тарихы», seed lines 171-173).
# The annex is printed as "1-қосымша"; п. 13 (seed lines 192-194) calls the
# table annex 2-қосымша (swapped with the diagrams, п. 14).
# The table is a swimlane matrix in three blocks of five columns: rows 1-5
# (ЭҮП, ЭҮАШ, ЖАО АЖ, ХҚКО АЖ, ММ; seed lines 286-294), 6-10 (ЖАО, ЖАО АЖ,
# ЭҰАШ (ЭҰШ), ЭҰП, ХҚКО АЖ; seed lines 296-303), 11-15 (ЖАО, ЖАО АЖ,
# (ЭҰАШ) ЭҰШ, ЭҰП, ХҚКО АЖ; seed lines 305-315).
# Wrapped cells: the completions of rows 3-5 begin on seed line 290 and end on
# seed line 292. Line 290 holds three cell starts, the last two run together
# in one field: "ЭҮП-тен ХҚКО АЖ-ға түскендер" (row 3), "Мәртебесін көрсету ("
# (row 4) and "Қызметтер алуға өтініш" (row 5, cf. the ЖАО table's
# "Қызметтер алуға өтініш пен құжаттар қабылдау", seed line 238); each is
# joined with its continuation on line 292. The actions of rows 12-15 begin on
# seed line 309 and end on seed line 312. Row 9's action "«Өтініштің мәртебесі"
# is truncated in the act and kept as printed.
# The table folds the narrative's 1-5-үдеріс (authorization, form, EDS
# signature, 1-/2-шарт checks) into row 1, whose completion is "a refusal or
# a successfully formed request" notice; it has no row for the refusals
# (2-үдеріс, 5-үдеріс), so those branches cannot be walked. The reasoned
# refusal (7-үдеріс) is an output document delivered along the same rows as
# the archival certificate (row 6's completion).
@service:archival-certificates-astana-2012 @channel:portal @seed:001
Feature: Archival certificates, Astana (2012) — portal (ЭҮП)
  «Мұрағаттық анықтамалар беру» электрондық мемлекеттік қызмет регламенті
  (Астана қаласы әкімдігі), ЭҮП арқылы.

  Background:
    Given the regulation:
      | field    | value                                                                                                                                                                                                  |
      | title_kk | «Мұрағаттық анықтамалар беру» электрондық мемлекеттік қызмет регламенті                                                                                                                                |
      | title_en | Regulation of the e-service "Issuance of archival certificates" (city of Astana)                                                                                                                      |
      | act      | Астана қаласы әкімдігінің 2012 жылғы 21 маусымдағы № 193-826 қаулысы. Астана қаласының Әділет департаментінде 2012 жылғы 28 маусымда нормативтік құқықтық кесімдерді Мемлекеттік тіркеудің тізіліміне № 733 болып енгізілді |
      | seed     | 001_4b4de6d43b8355ea.txt                                                                                                                                                                               |
      | table    | 1-қосымша, 3-кесте. ЭҮП арқылы іс-қимылдарды бейнелеу                                                                                                                                                  |
    And the step table:
      | n  | actor       | action_kk                                                                                                                                          | action_en                                                                                                                                                          | completion_kk                                                                                   | limit                                                                      | next | outcome |
      | 1  | ЭҮП         | Тұтынушының ЭҮП авторизациялау үдерісін өтеді және электрондық мемлекеттік қызмет көрсетудегі нысанын толтырады, өтініш пен құжаттардың шынайылығын тексеру | The applicant signs in to the portal, fills in and signs the request form; the request and the EDS are checked (1-4-үдеріс, 1-/2-шарт, п. 8 2)-7))                 | Бас тарту туралы немесе сұранысты сәтті қалыптастыру туралы ескертуді көрсету                    | 1 минуттан артық емес                                                      | 2    |         |
      | 2  | ЭҮАШ        | ЖАО АЖ ескертуді бағыттау және ХҚКО АЖ (енгізілген деректерінің дұрыс болған жағдайда)                                                            | The regional e-government gateway routes the signed request and a notice to the ЖАО IS and the PSC IS, if the data are correct (6-үдеріс, п. 8 9))                | Сұранысты бағыттау (енгізілген деректердің дұрыс болған жағдайда)                               | 1 минуттан артық емес                                                      | 3    |         |
      | 3  | ЖАО АЖ      | Өтінішке нөмір беру. Түскен туралы мәртебесін көрсете отырып ескерту (енгізілген деректердің дұрыс болған жағдайда)                               | The ЖАО IS assigns the application a number and sends a notice showing it was received                                                                            | ЭҮП-тен ХҚКО АЖ-ға түскендер мәртебесін көрсету (енгізген деректердің дұрыс болған жағдайда)    | 1 минуттан артық емес                                                      | 4    |         |
      | 4  | ХҚКО АЖ     | ЭҮП-тен ХҚКО АЖ-ға түскендер мәртебесін көрсету (енгізілген деректердің дұрыс болған жағдайда)                                                    | The PSC IS shows the status of the request received from the portal                                                                                              | Мәртебесін көрсету (енгізілген деректердің дұрыс болған жағдайда)                               | 1 минуттан артық емес                                                      | 5    |         |
      | 5  | ММ          | Өтінішті орындауға қабылдау, (енгізілген деректердің дұрыс болған жағдайда)                                                                      | The state archive takes the application up for execution                                                                                                          | Қызметтер алуға өтініш пен құжаттар қабылдау (енгізілген деректердің дұрыс болған жағдайда)     | 15 минуттан артық емес                                                     | 6    |         |
      | 6  | ЖАО         | Сұрауды орындау. Мұрағаттық анықтама берудегі жауапты немесе негізделген бас тартуды құрастыру. Шешім қабылдау.                                  | ЖАО staff execute the request: draft the answer (archival certificate) or a reasoned refusal and decide (6-үдеріс, п. 8 9))                                       | Мұрағаттық анықтаманы немесе дәлел түрде бас тарту                                              | 15 тен 30 күн күнтізбелік күнге дейін (жөкелеген жағдайларда 6 айға дейін) | 11   |         |
      | 7  | ЖАО АЖ      | Шығыс құжатты жасау.                                                                                                                             | The output document is drafted in the ЖАО IS                                                                                                                      | Жүйеде шығыс құжатын жасау                                                                      | 1 минуттан артық емес                                                      | 12   |         |
      | 8  | ЭҰАШ (ЭҰШ)  | ЭҰП пен ХҚКО АЖ арасындағы мәртебесі «Өтініштің іске алынған» туралы ескертуді бағыттау                                                          | The regional gateway routes the notice with the status "application taken into work" between the portal and the PSC IS                                            | Сұрауды бағыттау                                                                                | 1 минуттан артық емес                                                      | 13   |         |
      | 9  | ЭҰП         | «Өтініштің мәртебесі                                                                                                                             | The portal shows the application's status (cell truncated in the act)                                                                                             | Өтініштің мәртебесін көрсету                                                                    | 1 минуттан артық емес                                                      | 14   |         |
      | 10 | ХҚКО АЖ     | Өтініштің мәртебесі мен ескертуді көрсету                                                                                                        | The PSC IS shows the application's status and the notice                                                                                                          | Өтініштің мәртебесін көрсету                                                                    | 1 минуттан артық емес                                                      | 15   |         |
      | 11 | ЖАО         | Шығыс құжатын жасау.                                                                                                                             | ЖАО staff draw up the output document                                                                                                                             | Қол қойылған шығыс құжаты.                                                                      | 1 минуттан артық емес                                                      | 12   |         |
      | 12 | ЖАО АЖ      | Шығыс құжатты ЖАО қызметкерінің ЭЦҚ-мен қол қою. ЭҮП пен ХҚКО АЖ арасындағы мәртебесі туралы ескертуді бағыттау                                 | The output document is signed with the ЖАО officer's EDS (7-үдеріс, п. 8 10)) and sent to the portal; a status notice goes to the PSC IS                          | ЭҮП-ке шығыс құжат пен ескертуді жолдау және ХҚКО АЖ-ға мәртебесі туралы бағыттау               | 1 минуттан артық емес                                                      | 13   |         |
      | 13 | (ЭҰАШ) ЭҰШ  | ХҚКО АЖ-ға мәртебесі туралы ескертуді бағыттау ЭҮП-ке шығыс құжаттың мәртебесі туралы ескертуді көрсету.                                        | The gateway routes the status notice to the PSC IS and the output document's notice to the portal                                                                 | Сұрауды бағыттау                                                                                | 1 минуттан артық емес                                                      | 14   |         |
      | 14 | ЭҰП         | Қызмет көрсету аяқталғаны туралы мәртебені және шығыс құжатты көрсету                                                                           | The portal shows the status "service completed" and the output document in the applicant's personal cabinet (п. 8 10)): the applicant gets the result            | Шығыс құжатын көрсету                                                                           | 1 минуттан артық емес                                                      | 15   |         |
      | 15 | ХҚКО АЖ     | Қызмет көрсетуді аяқтау туралы ескертуді көрсету                                                                                                 | The PSC IS shows the notice that the service is completed (end of the process)                                                                                    | Орындау мәртебесін көрсету                                                                      | 1 минуттан артық емес                                                      | -    | result  |
    And the errata:
      | at | field | act_says | read_as | why                                                                                                                                                                                                                                                                                    |
      | 6  | next  | 11       | 7       | Block 2's next-action row (seed line 303: "11 12 13 14 15") repeats the action numbers of block 3 (seed line 307) instead of 7-11. After the decision (6-үдеріс, п. 8 9)) the output document is drafted (row 7); as written row 6 skips rows 7-10, which become unreachable. |
      | 7  | next  | 12       | 8       | Same copy (seed line 303); the drafted document's status notice is routed next (row 8, same block), not the EDS signature of row 12.                                                                                                                                          |
      | 8  | next  | 13       | 9       | Same copy (seed line 303); the routed notice "«Өтініштің іске алынған»" reaches the portal status of row 9, not row 13.                                                                                                                                                         |
      | 9  | next  | 14       | 10      | Same copy (seed line 303); the status goes on to the PSC IS (row 10), not to row 14.                                                                                                                                                                                           |
      | 10 | next  | 15       | 11      | Same copy (seed line 303); block 3 (row 11, seed line 307) follows: the output document is drawn up, signed and sent to the personal cabinet (7-үдеріс, п. 8 10)). As written row 10 would end the process at row 15 before any result exists.                                |
    And the status texts:
      | status           | kk                     | ru | source                                                            |
      | taken-into-work  | Өтініштің іске алынған |    | 1-қосымша, 3-кесте, row 8 (seed line 300): the notice routed by ЭҰАШ |

  @main
  Scenario: Main flow — the archival certificate reaches the personal cabinet
    Given an applicant with a "good" certificate
    And the provider will approve the request
    When the applicant applies for the service
    Then step 1 is done — signed in, request filled in and signed, checks passed
    And step 2 is done — request routed to the ЖАО IS and the PSC IS
    And step 3 is done — numbered, receipt notice
    And step 4 is done — PSC IS shows the status
    And step 5 is done — state archive takes the application up
    And step 6 is done — answer drafted, decision taken
    And step 7 is done — output document drafted
    And step 8 is done — notice "taken into work" routed
    And step 9 is done — portal shows the status
    And step 10 is done — PSC IS shows the status
    And step 11 is done — output document drawn up
    And step 12 is done — signed with the ЖАО officer's EDS, sent to the portal
    And step 13 is done — notices routed
    And step 14 is done — result shown in the personal cabinet
    And step 15 is done — PSC IS shows "service completed"

  @refusal
  Scenario: Refusal — the ЖАО refuses with reasons (delivered to the personal cabinet)
    Given an applicant with a "good" certificate
    And the provider will refuse the request with reason "Сұратылған кезеңге мұрағаттық құжаттар сақталмаған"
    When the applicant applies for the service
    Then step 1 is done — signed in, request filled in and signed, checks passed
    And step 2 is done — request routed to the ЖАО IS and the PSC IS
    And step 3 is done — numbered, receipt notice
    And step 4 is done — PSC IS shows the status
    And step 5 is done — state archive takes the application up
    And step 6 is done — reasoned refusal drafted, decision taken
    And step 7 is done — refusal drafted as the output document
    And step 8 is done — notice "taken into work" routed
    And step 9 is done — portal shows the status
    And step 10 is done — PSC IS shows the status
    And step 11 is done — refusal drawn up
    And step 12 is done — signed with the ЖАО officer's EDS, sent to the portal
    And step 13 is done — notices routed
    And step 14 is done — reasoned refusal shown in the personal cabinet
    And step 15 is done — PSC IS shows "service completed"
