"""Write the 10 PolNeAR train articles of a held-out news set into a folder.

The held-out news sets (bench/data/news_heldout.jsonl: `--set 1`, the default;
bench/data/news_heldout2.jsonl: `--set 2`; news_heldout3.jsonl: `--set 3`; news_heldout4.jsonl:
`--set 4`; news_heldout5.jsonl: `--set 5`; news_heldout6.jsonl: `--set 6`; news_heldout7.jsonl:
`--set 7`; news_heldout8.jsonl: `--set 8`; news_heldout9.jsonl: `--set 9`; news_heldout10.jsonl:
`--set 10`; news_heldout11.jsonl: `--set 11`; news_heldout12.jsonl: `--set 12`; news_heldout13.jsonl:
`--set 13`; news_heldout14.jsonl: `--set 14`; news_heldout15.jsonl: `--set 15`; news_heldout16.jsonl:
`--set 16`; news_heldout17.jsonl: `--set 17`; news_heldout18.jsonl: `--set 18`;
news_heldout19.jsonl: `--set 19`; news_heldout20.jsonl: `--set 20`; news_heldout21.jsonl: `--set 21`) ask
questions about ten real articles of PolNeAR's train split each. Their text stays in `../shared` (it
may not be copied into the project); this script writes them out so anyone can rebuild the index:

    $V/python bench/news_heldout_docs.py /tmp/x && $V/qa index /tmp/x --index /tmp/x-idx
    $V/python bench/news_heldout_docs.py --set 2 /tmp/y && $V/qa index /tmp/y --index /tmp/y-idx

How the ten were chosen (by `choose`, seed 9, not by reading them): train articles of
1,500 to 9,000 characters, the four that news-dev uses left out; one per publisher
(sorted), then three more publishers drawn at random; the i-th pick drawn at random from
that publisher's articles in the length band i mod 3 (1,500-3,000, 3,000-5,500,
5,500-9,000 characters).

How set 2 was chosen (by `choose_after(docs, 2)`, seed 2026, not by reading them): train articles of
1,500 to 10,000 characters, set 1's ten and news-dev's four left out; the pool sorted by
doc_id, shuffled with the seed, and taken in that order, skipping an article whose
publisher already has three.

How set 3 was chosen (by `choose_after(docs, 3)`, seed 2027, not by reading them): as set 2, with set 2's
ten left out as well (train articles of 1,500 to 10,000 characters; sets 1 and 2 and news-dev
left out; sorted by doc_id, shuffled with the seed, at most three per publisher). Its questions
are bench/data/news_heldout3.jsonl:

    $V/python bench/news_heldout_docs.py --set 3 /tmp/z && $V/qa index /tmp/z --index /tmp/z-idx

How set 4 was chosen (by `choose_after(docs, 4)`, seed 2028, not by reading them): as set 3, with set 3's
ten left out as well (train articles of 1,500 to 10,000 characters; sets 1 to 3 and news-dev
left out; sorted by doc_id, shuffled with the seed, at most three per publisher). Its questions
are bench/data/news_heldout4.jsonl (blind in round 14, open for development since round 15):

    $V/python bench/news_heldout_docs.py --set 4 /tmp/w && $V/qa index /tmp/w --index /tmp/w-idx

How set 5 was chosen (by `choose_after(docs, 5)`, seed 2029, not by reading them): as set 4, with set 4's
ten left out as well (train articles of 1,500 to 10,000 characters; sets 1 to 4 and news-dev
left out; sorted by doc_id, shuffled with the seed, at most three per publisher). Its questions
are bench/data/news_heldout5.jsonl (blind in round 15, open for development since round 16):

    $V/python bench/news_heldout_docs.py --set 5 /tmp/v && $V/qa index /tmp/v --index /tmp/v-idx

How set 6 was chosen (by `choose_after(docs, 6)`, seed 2030, not by reading them): as set 5, with set 5's
ten left out as well (train articles of 1,500 to 10,000 characters; sets 1 to 5 and news-dev
left out; sorted by doc_id, shuffled with the seed, at most three per publisher). Its questions
are bench/data/news_heldout6.jsonl (blind in round 16, open for development since round 17):

    $V/python bench/news_heldout_docs.py --set 6 /tmp/u && $V/qa index /tmp/u --index /tmp/u-idx

How set 7 was chosen (by `choose_after(docs, 7)`, seed 2031, not by reading them): as set 6, with set 6's
ten left out as well (train articles of 1,500 to 10,000 characters; sets 1 to 6 and news-dev
left out; sorted by doc_id, shuffled with the seed, at most three per publisher). Its questions
are bench/data/news_heldout7.jsonl (blind in round 17, open for development since round 18):

    $V/python bench/news_heldout_docs.py --set 7 /tmp/t && $V/qa index /tmp/t --index /tmp/t-idx

How set 8 was chosen (by `choose_after(docs, 8)`, seed 2032, not by reading them): as set 7, with set 7's
ten left out as well (train articles of 1,500 to 10,000 characters; sets 1 to 7 and news-dev
left out; sorted by doc_id, shuffled with the seed, at most three per publisher). Its questions
are bench/data/news_heldout8.jsonl (blind in round 18, open for development since round 19):

    $V/python bench/news_heldout_docs.py --set 8 /tmp/s && $V/qa index /tmp/s --index /tmp/s-idx

How set 9 was chosen (by `choose_after(docs, 9)`, seed 2033, not by reading them): as set 8, with set 8's
ten left out as well (train articles of 1,500 to 10,000 characters; sets 1 to 8 and news-dev
left out; sorted by doc_id, shuffled with the seed, at most three per publisher). Its questions
are bench/data/news_heldout9.jsonl, a blind set: measure on it, don't read it.

    $V/python bench/news_heldout_docs.py --set 9 /tmp/r && $V/qa index /tmp/r --index /tmp/r-idx

How set 10 was chosen (by `choose_after(docs, 10)`, seed 2034, not by reading them): as set 9, with set 9's
ten left out as well (train articles of 1,500 to 10,000 characters; sets 1 to 9 and news-dev
left out; sorted by doc_id, shuffled with the seed, at most three per publisher). Its questions
are bench/data/news_heldout10.jsonl, a blind set for round 21: measure on it, don't read it.

    $V/python bench/news_heldout_docs.py --set 10 /tmp/q && $V/qa index /tmp/q --index /tmp/q-idx

How set 11 was chosen (by `choose_after(docs, 11)`, seed 2035, not by reading them): as set 10, with set 10's
ten left out as well (train articles of 1,500 to 10,000 characters; sets 1 to 10 and news-dev
left out; sorted by doc_id, shuffled with the seed, at most three per publisher). Its questions
are bench/data/news_heldout11.jsonl, a blind set written in round 21: measure on it, don't read it.

    $V/python bench/news_heldout_docs.py --set 11 /tmp/p && $V/qa index /tmp/p --index /tmp/p-idx

How set 12 was chosen (by `choose_after(docs, 12)`, seed 2036, not by reading them): as set 11, with set 11's
ten left out as well (train articles of 1,500 to 10,000 characters; sets 1 to 11 and news-dev
left out; sorted by doc_id, shuffled with the seed, at most three per publisher). Its questions
are bench/data/news_heldout12.jsonl, a blind set written in round 22: measure on it, don't read it.

    $V/python bench/news_heldout_docs.py --set 12 /tmp/o && $V/qa index /tmp/o --index /tmp/o-idx

How set 13 was chosen (by `choose_after(docs, 13)`, seed 2037, not by reading them): as set 12, with set 12's
ten left out as well (train articles of 1,500 to 10,000 characters; sets 1 to 12 and news-dev
left out; sorted by doc_id, shuffled with the seed, at most three per publisher). Its questions
are bench/data/news_heldout13.jsonl, a blind set written in round 23: measure on it, don't read it.

    $V/python bench/news_heldout_docs.py --set 13 /tmp/n && $V/qa index /tmp/n --index /tmp/n-idx

How set 14 was chosen (by `choose_after(docs, 14)`, seed 2038, not by reading them): as set 13, with set 13's
ten left out as well (train articles of 1,500 to 10,000 characters; sets 1 to 13 and news-dev
left out; sorted by doc_id, shuffled with the seed, at most three per publisher). Its questions
are bench/data/news_heldout14.jsonl, a blind set written in round 24: measure on it, don't read it.

    $V/python bench/news_heldout_docs.py --set 14 /tmp/m && $V/qa index /tmp/m --index /tmp/m-idx

How set 15 was chosen (by `choose_after(docs, 15)`, seed 2039, not by reading them): as set 14, with set 14's
ten left out as well (train articles of 1,500 to 10,000 characters; sets 1 to 14 and news-dev
left out; sorted by doc_id, shuffled with the seed, at most three per publisher). Its questions
are bench/data/news_heldout15.jsonl, a blind set written in round 25: measure on it, don't read it.

    $V/python bench/news_heldout_docs.py --set 15 /tmp/l && $V/qa index /tmp/l --index /tmp/l-idx

How set 16 was chosen (by `choose_after(docs, 16)`, seed 2040, not by reading them): as set 15, with set 15's
ten left out as well (train articles of 1,500 to 10,000 characters; sets 1 to 15 and news-dev
left out; sorted by doc_id, shuffled with the seed, at most three per publisher). Its questions
are bench/data/news_heldout16.jsonl, written blind in round 26 and opened in round 30.

    $V/python bench/news_heldout_docs.py --set 16 /tmp/k && $V/qa index /tmp/k --index /tmp/k-idx

How set 17 was chosen (by `choose_after(docs, 17)`, seed 2041, not by reading them): as set 16, with set 16's
ten left out as well (train articles of 1,500 to 10,000 characters; sets 1 to 16 and news-dev
left out; sorted by doc_id, shuffled with the seed, at most three per publisher). Its questions
are bench/data/news_heldout17.jsonl, written blind in round 28 and opened in round 32.

    $V/python bench/news_heldout_docs.py --set 17 /tmp/j && $V/qa index /tmp/j --index /tmp/j-idx

How set 18 was chosen (by `choose_after(docs, 18)`, seed 2042, not by reading them): as set 17, with set 17's
ten left out as well (train articles of 1,500 to 10,000 characters; sets 1 to 17 and news-dev
left out; sorted by doc_id, shuffled with the seed, at most three per publisher). Its questions
are bench/data/news_heldout18.jsonl, written blind in round 30 and opened in round 33.

    $V/python bench/news_heldout_docs.py --set 18 /tmp/i && $V/qa index /tmp/i --index /tmp/i-idx

How set 19 was chosen (by `choose_after(docs, 19)`, seed 2043, not by reading them): as set 18, with set 18's
ten left out as well (train articles of 1,500 to 10,000 characters; sets 1 to 18 and news-dev
left out; sorted by doc_id, shuffled with the seed, at most three per publisher). Its questions
are bench/data/news_heldout19.jsonl, written blind in round 32 and opened in round 34.

    $V/python bench/news_heldout_docs.py --set 19 /tmp/h && $V/qa index /tmp/h --index /tmp/h-idx

How set 20 was chosen (by `choose_after(docs, 20)`, seed 2044, not by reading them): as set 19, with set 19's
ten left out as well (train articles of 1,500 to 10,000 characters; sets 1 to 19 and news-dev
left out; sorted by doc_id, shuffled with the seed, at most three per publisher). Its questions
are bench/data/news_heldout20.jsonl, a blind set written in round 33: measure on it, don't read it.

    $V/python bench/news_heldout_docs.py --set 20 /tmp/h && $V/qa index /tmp/h --index /tmp/h-idx

How set 21 was chosen (by `choose_after(docs, 21)`, seed 2045, not by reading them): as set 20, with set 20's
ten left out as well (train articles of 1,500 to 10,000 characters; sets 1 to 20 and news-dev
left out; sorted by doc_id, shuffled with the seed, at most three per publisher). Its questions
are bench/data/news_heldout21.jsonl, a blind set written in round 34: measure on it, don't read it.

    $V/python bench/news_heldout_docs.py --set 21 /tmp/h && $V/qa index /tmp/h --index /tmp/h-idx
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from pathlib import Path

#: Where the PolNeAR train articles are, relative to the project root.
TRAIN_DOCS = (
    Path(__file__).resolve().parent.parent / ".." / "shared" / "eval" / "polnear" / "train" / "docs.jsonl.gz"
)

#: The ten articles, as `choose()` drew them.
DOC_IDS: tuple[str, ...] = (
    "breitbart_2016-04-29_president-barack-obama-s-last-ch",
    "huff-post_2016-01-12_tuesday-s-morning-email-presiden",
    "nyt_2016-02-20_for-pope-it-s-bigger-than-trump-",
    "politico_2015-11-09_sanders-endorsements-prove-clint",
    "usa-today_2016-03-17_voters-turned-out-in-droves-tues",
    "wash-post_2016-03-29_calif-may-raise-minimum-wage-to-",
    "west-journal_2016-05-05_fbi-makes-final-preparations-to-",
    "politico_2016-01-31_clinton-rolls-out-special-charac",
    "usa-today_2016-05-09_crippling-college-debt-changes-h",
    "nyt_2015-11-13_clinton-stays-well-ahead-of-sand",
)

#: The ten articles of set 2 (bench/data/news_heldout2.jsonl), as `choose_after(docs, 2)` drew them.
DOC_IDS_2: tuple[str, ...] = (
    "huff-post_2016-03-10_trump-says-he-never-pledged-to-k",
    "usa-today_2016-06-07_political-conventions-race-to-cl",
    "politico_2016-07-11_republicans-ask-doj-to-investiga",
    "wash-post_2015-12-23_as-spotlight-shines-on-trump-and",
    "nyt_2015-11-26_with-fewer-golfers-in-u-s-course",
    "nyt_2016-03-23_attacks-renew-bitter-debate-on-m",
    "wash-post_2016-05-23_the-stark-campaign-contrasts-of-",
    "west-journal_2016-05-27_rush-limbaugh-explains-the-democ",
    "wash-post_2015-11-16_clinton-s-missteps-at-debate-arm",
    "usa-today_2016-05-18_don-t-be-a-sucker-for-the-new-ol",
)

#: The ten articles of set 3 (bench/data/news_heldout3.jsonl), as `choose_after(docs, 3)` drew them.
DOC_IDS_3: tuple[str, ...] = (
    "west-journal_2016-01-26_fox-news-just-uncovered-a-game-c",
    "usa-today_2016-08-09_khans-trump-stirs-ugliness-musli",
    "politico_2016-02-10_top-clinton-adviser-sent-top-sec",
    "politico_2016-07-24_al-gore-to-skip-democratic-conve",
    "nyt_2016-09-07_phyllis-schlafly-conservative-ba",
    "usa-today_2016-01-04_death-lies-and-pandering-on-the-",
    "west-journal_2016-08-25_trump-stands-tall-on-proposal-fo",
    "west-journal_2016-06-13_trump-calls-on-obama-to-resign",
    "wash-post_2016-02-19_gowdy-promises-benghazi-panel-re",
    "nyt_2015-11-24_momentum-builds-to-tax-consumpti",
)

#: The ten articles of set 4 (bench/data/news_heldout4.jsonl), as `choose_after(docs, 4)` drew them.
DOC_IDS_4: tuple[str, ...] = (
    "politico_2016-01-28_super-pac-blasts-trump-for-skipp",
    "huff-post_2016-02-02_ted-cruz-is-a-natural-born-citiz",
    "huff-post_2016-06-17_trump-s-supporters-may-be-the-re",
    "nyt_2016-06-07_germany-pledges-to-expand-its-mi",
    "west-journal_2016-05-12_exit-polls-in-west-virginia-spel",
    "huff-post_2015-12-10_hillary-clinton-under-pressure-t",
    "wash-post_2016-08-10_philippine-lawmaker-wants-trump-",
    "wash-post_2016-01-07_germany-targets-a-surge-of-vitri",
    "politico_2016-05-22_mark-cuban-i-d-consider-a-future",
    "wash-post_2015-11-17_republicans-turning-their-backs-",
)

#: The ten articles of set 5 (bench/data/news_heldout5.jsonl), as `choose_after(docs, 5)` drew them.
DOC_IDS_5: tuple[str, ...] = (
    "nyt_2016-03-12_republicans-lower-volume-in-deba",
    "breitbart_2015-11-19_hillary-clinton-calls-on-u-s-to-",
    "huff-post_2016-03-10_refoulement-violates-internation",
    "breitbart_2016-07-19_republicans-begin-roll-call-vote",
    "politico_2015-12-15_carson-huckabee-fiorina-earned-s",
    "west-journal_2016-02-23_wow-al-sharpton-just-said-someth",
    "nyt_2016-06-15_global-sympathy-but-very-little-",
    "huff-post_2016-07-28_charleston-church-shooting-survi",
    "breitbart_2015-11-17_wash-post-fact-check-if-obama-sa",
    "wash-post_2016-03-10_after-hour-filibuster-missouri-s",
)

#: The ten articles of set 6 (bench/data/news_heldout6.jsonl), as `choose_after(docs, 6)` drew them.
DOC_IDS_6: tuple[str, ...] = (
    "nyt_2016-06-07_china-rebuts-american-criticism-",
    "huff-post_2016-02-18_canada-s-cape-breton-will-welcom",
    "west-journal_2016-08-26_glenn-beck-says-trump-alt-right-",
    "nyt_2016-07-29_obama-lays-out-stakes-for-a-divi",
    "breitbart_2016-08-19_as-bill-clinton-turns-a-look-at-",
    "west-journal_2016-01-04_texas-gov-hears-about-obama-s-gu",
    "politico_2016-03-10_trump-s-rivals-pull-their-punche",
    "wash-post_2016-04-09_trump-s-new-go-to-guy-no-strange",
    "huff-post_2016-02-29_joe-scarborough-donald-trump-pla",
    "nyt_2016-04-27_china-trade-is-linked-to-u-s-vot",
)

#: The ten articles of set 7 (bench/data/news_heldout7.jsonl), as `choose_after(docs, 7)` drew them.
DOC_IDS_7: tuple[str, ...] = (
    "wash-post_2016-07-20_beyond-plagiarism-a-bigger-issue",
    "usa-today_2016-01-22_america-s-autistic-adults-a-moth",
    "wash-post_2016-05-05_sanders-faces-tough-sell-in-gett",
    "wash-post_2016-03-30_as-clinton-sanders-answer-union-",
    "politico_2016-08-17_ap-trump-chair-routed-ukrainian-",
    "breitbart_2016-01-01_jeb-bush-super-pac-chief-praises",
    "west-journal_2016-04-16_new-polls-show-double-digit-gaps",
    "huff-post_2016-06-09_clinton-and-sanders-aren-t-butti",
    "breitbart_2016-01-10_conservative-icon-morton-blackwe",
    "huff-post_2016-03-16_donald-trump-got-more-votes-in-o",
)

#: The ten articles of set 8 (bench/data/news_heldout8.jsonl), as `choose_after(docs, 8)` drew them.
DOC_IDS_8: tuple[str, ...] = (
    "politico_2016-05-19_exclusive-in-memo-to-congress-sa",
    "nyt_2016-07-26_the-one-thing-both-sides-want-br",
    "usa-today_2016-04-29_right-wing-parties-threaten-to-j",
    "usa-today_2016-02-10_insurgent-tops-institution-in-sa",
    "huff-post_2016-05-11_sanders-told-a-female-reporter-n",
    "huff-post_2016-04-06_wisconsin-elects-a-supreme-court",
    "usa-today_2016-02-02_maybe-trump-hasn-t-rewritten-rul",
    "west-journal_2015-12-10_something-horrible-was-just-rele",
    "huff-post_2016-05-16_trump-says-he-s-unlikely-to-have",
    "politico_2016-07-22_rep-gwen-graham-slams-trump-prai",
)

#: The ten articles of set 9 (bench/data/news_heldout9.jsonl), as `choose_after(docs, 9)` drew them.
DOC_IDS_9: tuple[str, ...] = (
    "usa-today_2016-08-19_whigs-died-but-gop-can-survive",
    "usa-today_2016-03-22_clinton-trump-s-view-of-the-worl",
    "west-journal_2016-01-25_rick-perry-just-announced-his-of",
    "nyt_2016-01-18_a-one-person-job-now-divided-amo",
    "nyt_2016-02-01_with-wall-st-center-stage-novel-",
    "nyt_2016-06-03_no-love-lost-between-trump-and-t",
    "usa-today_2016-02-11_sanders-faces-test-on-appeal-to-",
    "west-journal_2016-07-14_donald-trump-stuns-lgbt-communit",
    "west-journal_2016-05-06_republican-unity-meeting-schedul",
    "breitbart_2016-03-29_liberal-oscar-winner-sarandon-no",
)

#: The ten articles of set 10 (bench/data/news_heldout10.jsonl), as `choose_after(docs, 10)` drew them.
DOC_IDS_10: tuple[str, ...] = (
    "wash-post_2015-11-08_all-eggs-in-n-h-and-iowa-baskets",
    "nyt_2016-03-04_beneath-clinton-s-wins-signs-of-",
    "politico_2016-07-11_playbook-passes-the-torch",
    "nyt_2016-02-18_trump-fires-up-g-o-p-base-by-pri",
    "breitbart_2016-02-02_red-hot-chili-peppers-in-final-s",
    "nyt_2016-04-25_trump-s-aging-air-fleet-gives-hi",
    "huff-post_2015-12-02_democrats-call-for-action-while-",
    "west-journal_2016-02-17_black-lives-matter-sends-brutal-",
    "wash-post_2016-04-17_cruz-wins-most-wyo-delegates-in-",
    "wash-post_2016-08-28_in-crazy-election-gary-johnson-s",
)

#: The ten articles of set 11 (bench/data/news_heldout11.jsonl), as `choose_after(docs, 11)` drew them.
DOC_IDS_11: tuple[str, ...] = (
    "wash-post_2015-12-13_agreement-is-a-big-win-for-obama",
    "nyt_2016-09-03_as-trump-demands-wall-smugglers-",
    "politico_2016-06-10_afl-cio-to-endorse-clinton",
    "breitbart_2015-12-11_exclusive-maria-espinoza-anti-il",
    "wash-post_2016-08-26_a-shaky-balancing-act-for-kelly-",
    "nyt_2016-04-26_sanders-and-allies-aim-to-shape-",
    "nyt_2016-06-28_clinton-and-warren-team-up-on-tr",
    "wash-post_2016-03-03_staffer-who-set-up-clinton-email",
    "usa-today_2015-12-22_in-brief",
    "huff-post_2016-04-20_hillary-clinton-won-among-wall-s",
)

#: The ten articles of set 12 (bench/data/news_heldout12.jsonl), as `choose_after(docs, 12)` drew them.
DOC_IDS_12: tuple[str, ...] = (
    "west-journal_2016-03-14_billionaire-mark-cuban-just-reve",
    "west-journal_2015-11-10_christian-speaker-just-shared-th",
    "west-journal_2016-02-11_these-angry-protesters-are-targe",
    "nyt_2016-02-01_iowa-caucus-is-first-look-into-m",
    "usa-today_2016-04-01_obama-asian-leaders-huddle-on-re",
    "usa-today_2016-05-06_immigration-debate-hits-home-for",
    "breitbart_2016-05-04_ann-coulter-and-then-there-was-t",
    "usa-today_2016-08-24_turkish-suspect-donated-to-clint",
    "nyt_2015-11-10_netanyahu-and-obama-a-tortured-r",
    "breitbart_2016-02-08_former-mexico-leader-calderon-ca",
)

#: The ten articles of set 13 (bench/data/news_heldout13.jsonl), as `choose_after(docs, 13)` drew them.
DOC_IDS_13: tuple[str, ...] = (
    "politico_2015-12-23_ben-carson-hints-at-major-campai",
    "west-journal_2015-12-21_revealed-what-isis-propaganda-vi",
    "politico_2016-06-14_sanders-scripts-his-primary-seas",
    "wash-post_2015-11-15_carnage-renews-debate-over-milit",
    "politico_2016-05-31_cruz-looks-to-ease-bad-blood-wit",
    "wash-post_2015-12-04_a-killing-and-video-test-emanuel",
    "west-journal_2015-12-09_the-email-that-makes-benghazi-lo",
    "huff-post_2015-12-22_of-the-most-powerful-things-lati",
    "nyt_2016-04-23_campaign-for-trump-says-he-ll-re",
    "nyt_2016-08-22_pundit-turns-adviser-in-the-serv",
)

#: The ten articles of set 14 (bench/data/news_heldout14.jsonl), as `choose_after(docs, 14)` drew them.
DOC_IDS_14: tuple[str, ...] = (
    "usa-today_2016-03-24_nabisco-rolls-out-layoffs-in-chi",
    "wash-post_2016-01-17_cruz-glad-to-finish-fight-with-t",
    "nyt_2016-04-12_ryan-wages-campaign-to-counter-t",
    "wash-post_2015-11-23_seven-gop-presidential-hopefuls-",
    "huff-post_2016-06-09_barack-obama-s-endorsement-could",
    "nyt_2016-06-15_clinton-s-chance-to-make-bold-ch",
    "huff-post_2016-06-22_hillary-clinton-reassures-house-",
    "huff-post_2016-07-27_guns-are-the-ultimate-public-hea",
    "nyt_2016-04-21_espn-fires-schilling-over-an-off",
    "west-journal_2016-01-12_benghazi-movie-hours-is-about-to",
)

#: The ten articles of set 15 (bench/data/news_heldout15.jsonl), as `choose_after(docs, 15)` drew them.
DOC_IDS_15: tuple[str, ...] = (
    "west-journal_2015-12-12_boom-trump-just-fired-a-word-mis",
    "wash-post_2016-09-01_trump-appeared-to-break-down-wal",
    "west-journal_2016-02-10_look-man-spotted-directly-behind",
    "wash-post_2016-01-31_clinton-team-quietly-lining-up-l",
    "nyt_2016-05-09_american-admiral-rattles-beijing",
    "wash-post_2016-07-15_truck-attack-in-france-kills-at-",
    "west-journal_2016-03-10_bombshell-hillary-photo-from-dur",
    "huff-post_2015-12-08_the-biggest-blow-to-obamacare-ye",
    "nyt_2016-03-09_clinton-tries-to-reframe-revolut",
    "breitbart_2016-08-29_trump-plans-major-ad-buy-after-w",
)

#: The ten articles of set 16 (bench/data/news_heldout16.jsonl), as `choose_after(docs, 16)` drew them.
DOC_IDS_16: tuple[str, ...] = (
    "usa-today_2016-04-26_sanders-will-back-clinton-eventu",
    "politico_2016-08-08_how-newtown-gave-chris-murphy-a-",
    "politico_2016-07-02_sanders-california-supporters-ca",
    "usa-today_2016-01-29_absent-trump-derides-debate-cruz",
    "wash-post_2016-05-09_for-outgoing-u-n-chief-climate-d",
    "usa-today_2016-03-18_laura-bush-sees-hope-help-for-af",
    "west-journal_2015-12-03_cnn-just-responded-to-trump-s-ma",
    "wash-post_2016-09-04_growing-up-american-only-to-lear",
    "breitbart_2016-09-04_obama-i-m-optimistic-americans-w",
    "west-journal_2015-11-23_look-how-trey-gowdy-just-fired-b",
)

#: The ten articles of set 17 (bench/data/news_heldout17.jsonl), as `choose_after(docs, 17)` drew them.
DOC_IDS_17: tuple[str, ...] = (
    "huff-post_2016-03-09_networks-didn-t-cut-from-donald-",
    "west-journal_2016-05-10_trump-s-support-twice-that-of-cl",
    "politico_2016-04-08_families-of-mass-shooting-victim",
    "nyt_2016-03-16_on-trade-angry-voters-have-point",
    "usa-today_2015-11-27_trump-s-isil-tone-belies-dovish-",
    "usa-today_2016-03-07_a-petite-powerhouse-with-an-undy",
    "breitbart_2016-03-20_news-guide-donors-flocked-to-rub",
    "nyt_2016-06-09_ryan-calls-trump-line-racist-but",
    "huff-post_2015-11-11_a-meaningful-exchange-actually-h",
    "usa-today_2016-05-12_poll-battleground-senate-races-a",
)

#: The ten articles of set 18 (bench/data/news_heldout18.jsonl), as `choose_after(docs, 18)` drew them.
DOC_IDS_18: tuple[str, ...] = (
    "wash-post_2016-07-22_republican-assails-elites-as-he-",
    "nyt_2016-01-20_falling-deficit-to-reverse-cours",
    "politico_2016-01-29_record-setting-spending-spree-re",
    "nyt_2016-04-01_paid-notice-deaths-siegel-jerome",
    "nyt_2016-07-07_in-criticizing-clinton-hints-tha",
    "politico_2016-04-06_poll-trump-and-clinton-hold-narr",
    "usa-today_2016-08-10_historians-clinton-obama-linked-",
    "wash-post_2016-03-24_stop-trumpers-here-are-some-reas",
    "breitbart_2016-08-15_biden-stumping-for-clinton-trash",
    "politico_2016-08-28_christie-doubles-down-on-trump-s",
)

#: The ten articles of set 19 (bench/data/news_heldout19.jsonl), as `choose_after(docs, 19)` drew them.
DOC_IDS_19: tuple[str, ...] = (
    "wash-post_2016-05-25_fundraisers-scorned-by-trump-on-",
    "breitbart_2016-03-20_ted-cruz-refuses-to-disavow-lind",
    "wash-post_2016-07-13_after-review-clinton-s-emails-mi",
    "west-journal_2016-06-13_omar-mateen-worked-with-departme",
    "wash-post_2016-01-13_democratic-tensions-escalate-ove",
    "nyt_2016-02-09_it-s-fine-to-feel-the-bern-but-n",
    "west-journal_2016-05-24_hillary-clinton-says-no-to-fox-n",
    "politico_2016-01-27_the-steep-cost-of-cruz-s-county-",
    "west-journal_2016-01-23_watch-what-hillary-does-when-a-g",
    "breitbart_2016-02-18_poll-bernie-sanders-burns-hillar",
)

#: The ten articles of set 20 (bench/data/news_heldout20.jsonl), as `choose_after(docs, 20)` drew them.
DOC_IDS_20: tuple[str, ...] = (
    "wash-post_2015-11-10_caught-fibbing-these-gop-candida",
    "west-journal_2015-11-25_hillary-just-vowed-to-never-utte",
    "usa-today_2016-06-22_clinton-coverage-highlights-tv-g",
    "politico_2016-06-22_what-will-it-take-for-the-senate",
    "huff-post_2016-06-04_u-s-flexes-muscles-as-asia-worri",
    "usa-today_2015-11-25_carson-is-cratering-while-trump-",
    "wash-post_2016-02-09_barbs-and-pleas-before-n-h-vote",
    "huff-post_2016-09-06_barack-obama-just-nominated-a-mu",
    "huff-post_2015-12-20_hillary-clinton-s-claim-that-don",
    "nyt_2016-08-11_new-emails-raise-queries-over-cl",
)

#: The ten articles of set 21 (bench/data/news_heldout21.jsonl), as `choose_after(docs, 21)` drew them.
DOC_IDS_21: tuple[str, ...] = (
    "breitbart_2016-08-23_mike-pence-calls-for-special-pro",
    "wash-post_2016-04-18_sanders-says-his-private-meeting",
    "huff-post_2016-03-21_the-rise-of-switzerland-s-trump",
    "wash-post_2016-02-10_after-a-big-loss-clinton-looks-f",
    "politico_2016-03-07_how-donald-trump-scrambles-the-g",
    "wash-post_2016-04-30_indiana-governor-endorses-cruz-b",
    "usa-today_2015-11-23_trump-leads-pack-terrorism-a-top",
    "huff-post_2016-03-15_pastor-wants-girl-scout-leaders-",
    "usa-today_2015-12-01_for-gop-a-golden-opportunity-to-",
    "breitbart_2016-06-08_ready-to-back-clinton-obama-work",
)

#: Each set's articles by its number on the command line.
SETS: dict[int, tuple[str, ...]] = {
    1: DOC_IDS,
    2: DOC_IDS_2,
    3: DOC_IDS_3,
    4: DOC_IDS_4,
    5: DOC_IDS_5,
    6: DOC_IDS_6,
    7: DOC_IDS_7,
    8: DOC_IDS_8,
    9: DOC_IDS_9,
    10: DOC_IDS_10,
    11: DOC_IDS_11,
    12: DOC_IDS_12,
    13: DOC_IDS_13,
    14: DOC_IDS_14,
    15: DOC_IDS_15,
    16: DOC_IDS_16,
    17: DOC_IDS_17,
    18: DOC_IDS_18,
    19: DOC_IDS_19,
    20: DOC_IDS_20,
    21: DOC_IDS_21,
}

#: news-dev's PolNeAR articles, never drawn again.
_NEWS_DEV = frozenset(
    {
        "wash-post_2016-06-28_ruling-solidifies-candidates-abo",
        "politico_2015-12-03_trump-carson-flop-with-jewish-re",
        "usa-today_2016-02-11_what-went-wrong-for-chris-christ",
        "huff-post_2016-01-19_flint-water-response-perfectly-c",
    }
)

_BANDS = ((1500, 3000), (3000, 5500), (5500, 9000))


def load_train(path: Path = TRAIN_DOCS) -> dict[str, dict[str, str]]:
    """Read PolNeAR train's articles.

    Args:
        path: the gzipped JSON-lines file of articles.

    Returns:
        Each article's record by its doc_id.
    """
    with gzip.open(path, "rt", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    return {d["doc_id"]: d for d in docs}


def choose(docs: dict[str, dict[str, str]], seed: int = 9) -> list[str]:
    """Draw the ten articles the way DOC_IDS were drawn.

    Args:
        docs: PolNeAR train's articles by doc_id.
        seed: the random seed.

    Returns:
        Ten doc_ids, one per publisher first, in varied length bands.
    """
    pool = [d for d in docs.values() if d["doc_id"] not in _NEWS_DEV and 1500 <= len(d["text"]) <= 9000]
    rng = random.Random(seed)
    pubs = sorted({d["publisher"] for d in pool})
    order = pubs + rng.sample(pubs, 3)
    out: list[str] = []
    for i, pub in enumerate(order):
        lo, hi = _BANDS[i % 3]
        cands = sorted(
            d["doc_id"]
            for d in pool
            if d["publisher"] == pub and lo <= len(d["text"]) < hi and d["doc_id"] not in out
        )
        out.append(rng.choice(cands))
    return out


def choose2(
    docs: dict[str, dict[str, str]],
    seed: int = 2026,
    n: int = 10,
    per_publisher: int = 3,
    taken: frozenset[str] = frozenset(DOC_IDS) | _NEWS_DEV,
) -> list[str]:
    """Draw set 2's articles the way DOC_IDS_2 were drawn.

    Args:
        docs: PolNeAR train's articles by doc_id.
        seed: the random seed.
        n: how many articles to draw.
        per_publisher: at most this many from one publisher, so the draw is varied.
        taken: articles never drawn (earlier sets' and news-dev's).

    Returns:
        n doc_ids in the order drawn.
    """
    pool = sorted(d for d, rec in docs.items() if d not in taken and 1500 <= len(rec["text"]) <= 10000)
    random.Random(seed).shuffle(pool)
    out: list[str] = []
    per: dict[str, int] = {}
    for doc_id in pool:
        pub = docs[doc_id]["publisher"]
        if per.get(pub, 0) < per_publisher:
            out.append(doc_id)
            per[pub] = per.get(pub, 0) + 1
        if len(out) == n:
            break
    return out


def choose_after(docs: dict[str, dict[str, str]], k: int, seed: int | None = None) -> list[str]:
    """Draw set k's articles (k >= 3) the way DOC_IDS_<k> were drawn: as set 2, sets 1 to k-1 left out.

    Args:
        docs: PolNeAR train's articles by doc_id.
        k: the set drawn.
        seed: the random seed; None for the one set k was drawn with (2024 + k: set 3 2027, set 11 2035).

    Returns:
        Ten doc_ids in the order drawn.
    """
    earlier = frozenset(d for j in range(1, k) for d in SETS[j])
    return choose2(docs, seed=2024 + k if seed is None else seed, taken=earlier | _NEWS_DEV)


def article_texts(path: Path = TRAIN_DOCS, which: int = 1) -> dict[str, str]:
    """One set's ten articles' texts.

    Args:
        path: the gzipped JSON-lines file of PolNeAR train articles.
        which: the set's number (1: news_heldout.jsonl, 2: news_heldout2.jsonl, 3: news_heldout3.jsonl,
            4: news_heldout4.jsonl, 5: news_heldout5.jsonl, 6: news_heldout6.jsonl,
            7: news_heldout7.jsonl, 8: news_heldout8.jsonl, 9: news_heldout9.jsonl,
            10: news_heldout10.jsonl, 11: news_heldout11.jsonl, 12: news_heldout12.jsonl,
            13: news_heldout13.jsonl, 14: news_heldout14.jsonl,
            15: news_heldout15.jsonl, 16: news_heldout16.jsonl, 17: news_heldout17.jsonl,
            18: news_heldout18.jsonl, 19: news_heldout19.jsonl, 20: news_heldout20.jsonl,
            21: news_heldout21.jsonl).

    Returns:
        Each article's text by the file name it is written under (doc_id + ".txt").
    """
    docs = load_train(path)
    return {f"{doc_id}.txt": docs[doc_id]["text"] for doc_id in SETS[which]}


def main() -> None:
    """Write the articles into the folder given as the one argument."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path, help="folder to write the ten .txt articles into")
    ap.add_argument("--set", type=int, choices=sorted(SETS), default=1, help="which held-out set (default 1)")
    args = ap.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    texts = article_texts(which=args.set)
    for name, text in texts.items():
        (args.folder / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(texts)} articles to {args.folder}")


if __name__ == "__main__":
    main()
