// Everyday English words by how common they are in general English (not in shops), for general rarity
// (general-rarity.ts): jieba's table says 今天 and 东西 are everyday Chinese words, nothing shipped with
// the product says the same of "today" or "thing", so every English word counted as fully rare and
// an English question's everyday words weighed on it as much as "refund" or "invoice". The bands follow
// general English frequency lists (roughly the 300, 1,000 and 3,000 most frequent words, stop words of
// english-stem.ts left out); each band weighs what the Chinese words of the same frequency ranks weigh in
// jieba's table (the median weight of its dictionary's most frequent words 100-300, 300-1,000 and
// 1,000-3,000). Words are listed as written; they are stemmed when the table is built, as questions are.
// No shop's entries or questions chose these lists: they are general English.

/** About the 300 most frequent words of general English. */
const TOP_300 =
  'one two all out up time go going went gone make made see saw seen come came take took think look first way new now even because good well people say said give most very after thing things over back many through find found here much before right too still long own same may might must down off last great little old hand part place case week point number again never each few while under between something nothing anything everything always every put mean keep call try ask feel leave seem show turn start help run move live bring happen sit stand lose set change understand follow stop read add open big high different small large next early important bad able home today yes no not ok okay really maybe already yet soon ago later around since until without within during both another such lot kind sure day days year years man men woman world life way thing problem question fact less more most better best around again else ever once enough quite almost also only way use used work three four five'

/** About the 300th to the 1,000th most frequent words. */
const TOP_1000 =
  'pay buy send sent wait meet include continue learn lead watch create speak allow spend grow walk win offer remember love consider appear serve expect build stay fall cut reach remain suggest raise pass sell require report decide pull return explain hope develop carry break receive agree support hit produce eat cover catch draw choose cause point listen realize place close involve deal prove answer bit hour month night morning evening minute second moment money order price business company service system program information info group number area side house room water family name word idea story fact book car city state country school student job end line level head face eye door body reason result market minute kind type form end half full free whole real true clear easy hard simple possible late sure wrong different available special certain recent local public private personal final main major low short far near fast quick slow hot cold nice happy ready special left right top bottom front inside outside together away across along behind above below past future today tonight tomorrow yesterday week weekend please sorry hello thanks hi okay fine great check stuff someone somebody anyone anybody everyone nobody anything person'

/** About the 1,000th to the 3,000th most frequent words. */
const TOP_3000 =
  'item product package box parcel shop store card address account phone email message text picture photo color colour size weight value cost cash bill total account code number date detail details plan list sign step paper bag bottle piece pair set page link app website online internet computer mobile network screen button click select fill enter upload download save delete remove update cancel confirm submit apply register login log contact reply respond notice mention describe complain fix replace exchange switch share trust worry mind care prefer miss forget notice mistake trouble issue error fault damage broken problem help question reply request require receive arrive arrived deliver carry travel visit stay move ship drive fly abroad overseas foreign international local nearby distance town street road center centre office building floor hotel restaurant food drink coffee tea dinner lunch breakfast gift present birthday holiday party friend husband wife child children kid baby parent boss customer client member guest staff team user owner seller buyer shopping sale deal offer cheap monday tuesday wednesday thursday friday saturday sunday expensive quality brand model style design version original real fake new used normal usual regular extra spare small medium large double single soft hard warm cool dry wet clean dirty light dark heavy thin thick tight loose long short wide narrow quickly slowly soon usually normally exactly probably actually already anymore instead still straight directly immediately finally recently early late hurry rush several whole few couple dozen hundred thousand million per each every twice half quarter minute second hour weekend tonight yesterday tomorrow morning afternoon evening'

export const EVERYDAY_ENGLISH: readonly (readonly [string, number])[] = [
  [TOP_300, 0.46],
  [TOP_1000, 0.55],
  [TOP_3000, 0.66],
];
