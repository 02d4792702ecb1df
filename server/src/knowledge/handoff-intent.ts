// Asking for a person, in any words: 转人工, 真人, 我要跟人说话, "can I talk to a human", "is anyone there
// who can help". Recognised before ranking so that such a message never gets an unrelated entry; the
// robot answers it as the hand-off entry (or a hand-off of its own).
//
// The patterns are families, not phrasings: a word that names a person (客服, 人工, 负责人, human, agent)
// said alone, asked for with a verb of reaching someone (找, 叫, 转, 联系, talk to, get me), asked after
// (在吗, 人呢, is anyone there), or summoned (让…来, 来个人); refusing the robot; asking whether a person is
// there at all. A person word used as part of a thing (人工草坪, 真人实拍, 售后政策, staff discount) or in a
// question about service hours and numbers (客服电话, 人工服务时间) is no request.
import { hanSyllables, latinSyllables } from './phonetic';
import { fold } from './text-folding';

/** Who a customer may ask for by role, in Chinese or (in a Chinese sentence) in English. */
const ROLE =
  '人工客服|在线客服|专属客服|客服人员|客服小姐姐|客服妹妹|客服mm|客服|人工|真人|活人|专人|工作人员|服务员|售后人员|售后|' +
  '店长|经理|老板|掌柜的|掌柜|主管|领导|小二|负责人|负责的|管事的|值班的人|值班的|在线的|店家|商家|' +
  'real person|human|agent|staff|manager';
/**
 * A role word ends there (客服在吗, 找售后) rather than naming a thing (客服电话, 售后政策, 真人实拍,
 * 人工草坪): what may follow a person word.
 */
const ENDS = '(?=$|[^\\u4e00-\\u9fff]|[在呢吗么啊吧呀嘛啦哈来过出回处介接对跟联帮说聊谈沟讲给和一快谢好不还没到是可能去怎什我们人客])';
const WHO = `(?:${ROLE})${ENDS}`;
/** What may stand between a verb and the person: 找一下你们的经理, 要个 agent, 找在线客服. */
const BETWEEN = '(?:一下|下|个|一个|位|你们|你家|贵店|的|之前的|上次的| )*';
/** A person described by what they can do: 来个能说话的, 找个懂行的人, 有喘气的吗. */
const ABLE = '(?:能|会|可以)?(?:听得?懂人话|说人话|说话|做主|管事|懂行|懂的|专业的|负责的|值班的|在线的|喘气的|解决问题的)的?人?';

/** What a message may say beside a person word and still be that word alone. */
const FILLER = '(?:你好|您好|亲亲|亲|在吗|在不在|在线等|急|快点|快|please|pls|plz|呢|啊|呀|吧|哈|喂|一下|麻烦)';

const ZH = [
  // Said alone, with nothing but greetings and filler: 客服客服客服, 人工!, 客服 please, human 客服.
  new RegExp(`^(?:${FILLER} ?)*(?:${ROLE}) ?(?:(?:${ROLE}|${FILLER}) ?)*$`),
  new RegExp(`(人工|真人|活人)(服务)?${ENDS}`),
  /转人/,
  /找人/,
  /换(个|一个)?人/,
  // Reaching someone: 找你们领导, 转接售后, 联系你们负责人, 我要 human, 安排客服联系我.
  new RegExp(`(找|叫|喊|要|转|接|换|联系|接通|转接|呼叫|转到|转给|接入|安排|请|派|需要)${BETWEEN}${WHO}`),
  new RegExp(`(找|叫|喊|要|换|来|安排|派)(个|一个|位)?${ABLE}`),
  new RegExp(`(?<![原后本从出起上下])来(个|一个|位)?(真|活)?人(?![民参家气])`),
  new RegExp(`(找|叫|喊|要|安排|派)(一下|个|一个|位|你们的|你们| )*人(?![民参家气工费生])`),
  // Summoning: 让客服回我, 叫你们负责的出来, 把你们店长叫来, 让人给我回个电话.
  new RegExp(`(让|请|叫|派|喊|安排)${BETWEEN}(人|${ROLE})(.{0,2})(来|过来|出来|联系|处理|回我|回复我|跟我|给我|接待|对接)`),
  new RegExp(`把${BETWEEN}(${ROLE})(叫|喊|请)(来|出来|过来)`),
  // Talking with one: 我要和客服说话, 想跟你们的人谈谈.
  new RegExp(`(跟|和|与|同)${BETWEEN}(人|${ROLE})(说|聊|谈|沟通|对话|讲|交流)(?![了过好])`),
  // Asking after one: 客服在吗, 掌柜的出来一下, 老板你好在吗, 你们的人呢, 值班的人在吗.
  new RegExp(
    `(${ROLE}|你们的人)(的|人|你好|您好)?(在吗|在么|在不在|在线吗|呢|人呢|快?出来|快?来(?=$|[^\u4e00-\u9fff]|[吧啊呀处回接帮]|一下)|去哪|在哪|跑哪|快回|怎么还不|对接)`,
  ),
  /有人(在|在线|能|可以|会)?(吗|么|没|不|在|回|理|帮|管|接待|处理)|有没有人|人呢|在不在/,
  new RegExp(`有(没有)? ?(${ROLE}|${ABLE})${ENDS} ?(吗|么|没|不|啊|呀|处理|对接|在|$)`),
  /没人(回|理|管|应|搭理|接待|处理)/,
  /接待(一下|下)?我|接待一下|来人接待/,
  /(?:^|麻烦|帮我|请|给我|能不能|可以)转(接|一下|下)(一下|下)?(?![\u4e00-\u9fff])/,
  /^转接/,
  // Asking whether a person is there at all: 你是机器人吗, 你到底是不是人.
  /(你|您|这)(到底|究竟)?(是不是|是)(真人|活人|人|机器人|机器|ai|bot|robot)(吗|么|啊|呀|$| )/,
];

/** Refusing the robot is asking for a person, even in words that otherwise decline ("不用机器人"). */
const ROBOT = '(机器人|机器(?!洗)|自动回复|智能客服|ai|bot|robot)';
const REFUSES_ROBOT = [
  new RegExp(`(不要|不想|不用|别|不跟|不和|不让)(跟|和|用|让)?${ROBOT}`),
  new RegExp(`${ROBOT}(滚|闭嘴|走开|别回|别说|一边去|退下)`),
  /\b(stop|no|not|no more|enough|hate|quit|without)\b( \w+){0,5} (bot|robot|chatbot|machine|automated|auto reply)s?\b/,
];
/** Declining a person ("转人工就不用了", "no need for an agent"): not a request, whatever words it names. */
const DECLINES = /(不用|不需要|不必|用不着|算了|先不|暂时不)|\b(no need|don'?t need|do not need|no thanks)\b/;
/** Asking for the hours or the number of the service (人工服务时间, 客服电话), unless reaching one too. */
const ASKS_INFO = /几点|什么时候|时间|上班|下班|电话|热线|号码|微信|邮箱|地址/;
const REACHES = /转|找|联系|接|叫|让|帮我|给我|来|回我/;
/** Words with 人 that name no one to talk to (个人 unless it is 换个人, 找个人, and never 个人发票). */
const NOT_A_PERSON =
  /(客服电话|人工费|(?<![换找叫要来排派])个人|个人(?=[\u4e00-\u9fff])(?![来处跟说回吧啊呀吗呢帮聊过接给对问])|本人|人民币|收件人|联系人)/g;

/** A person's word in English, counted when reached for, asked after or said alone. */
const EN_WHO =
  '(human|humans|agent|agents|staff|representative|rep|operator|manager|supervisor|(real|live|actual) (person|people|agent|human)|someone|somebody|anyone|anybody|person|customer service|customer support|tech support|support (team|staff|agent)|support$|service team)';
const EN = [
  new RegExp(
    `\\b(talk|speak|chat|connect|transfer|contact|reach|call|help|get|give me|put me|need|want|let me|bring|find)\\b( \\w+){0,3} ${EN_WHO}\\b`,
  ),
  new RegExp(`\\b${EN_WHO}\\b( \\w+){0,3} (help|talk|speak|chat|call|contact)\\b`),
  new RegExp(
    `^((hello|hi|hey|help|please|pls|plz|a|an|any|is|are|there|here|online|now) )*${EN_WHO}( (please|pls|plz|now|here|there|online|around|asap))*$`,
  ),
  /\b(is|are) there (a |an |any )?(real |live |actual )?(human|person|people|someone|somebody|anyone|anybody|agent|staff)\b/,
  /\b(is|are) (this|that|it|you|a|an) (a |an )?(real |live |actual )?(human|person)\b/,
  /\b(anyone|anybody|someone|somebody|any (real )?(people|person|humans?)) (there|here|around|home|available|online)\b/,
  /\b(transfer|connect|put) me\b/,
  new RegExp(`\\bwhere (is|are) (the |a |my |your )?${EN_WHO}\\b`),
];

/**
 * Asking when people are there ("when are your agents online", "what time can I reach customer support")
 * asks for the service hours, not for a person now: an entry may answer it.
 */
const ASKS_WHEN = /^(when|what time|what hours|which hours|how late|until when|till when)\b/;

/** Whether `text` asks for a person. */
export function asksForPerson(text: string): boolean {
  const s = fold(text);
  if (!s || s.length > 60) return false;
  if (REFUSES_ROBOT.some((r) => r.test(s))) return true;
  if (DECLINES.test(s)) return false;
  const han = /[\u4e00-\u9fff]/.test(s);
  if (han && !(ASKS_INFO.test(s) && !REACHES.test(s))) {
    const cleaned = s.replace(NOT_A_PERSON, ' ');
    if (ZH.some((r) => r.test(cleaned))) return true;
    const heard = soundsLike(cleaned);
    if (heard !== cleaned && ZH.some((r) => r.test(heard))) return true;
  }
  if (!/[a-z]/.test(s) || ASKS_WHEN.test(s)) return false;
  return EN.some((r) => r.test(s)) || PINYIN_PERSON.test(pinyinTyped(s));
}

/** 人工, 真人 or 客服 typed in pinyin (syllables as mistyped: renggong, zhenren, kefu), alone or reached for. */
const PINYIN_PERSON =
  /(^| )(zuan |zao |yao )?(ren gong|zen ren)( |$)|^(wo )?(yao |zao |zuan |lian xi |qing )?ke fu( zai ma| zai bu zai| zai| ne| a| ya| ba)?$/;

/** The Latin letters of `s` read as pinyin syllables (fuzzy, as phonetic.ts reads them), or ''. */
function pinyinTyped(s: string): string {
  const letters = s.replace(/[^a-z]/g, '');
  return letters.length > 24 ? '' : (latinSyllables(letters, true) ?? []).join(' ');
}

/** Person words by their sound, for characters typed with the same sound: 人公, 仁工, 客腹, 刻服. */
const BY_SOUND = new Map([
  ['ren gong', '人工'],
  ['ke fu', '客服'],
  ['zen ren', '真人'],
]);

/**
 * `s` with every pair of characters that sounds like a person word written as that word. Short texts
 * only, one character at a time (phonetic.ts remembers each), so a long message costs nothing.
 */
function soundsLike(s: string): string {
  if (s.length > 20) return s;
  let out = s;
  let previous = '';
  for (let i = 0; i < s.length; i++) {
    const here = isHanChar(s, i) ? (hanSyllables(s[i] as string)[0] ?? '') : '';
    const word = previous && here ? BY_SOUND.get(`${previous} ${here}`) : undefined;
    if (word) out = out.slice(0, i - 1) + word + out.slice(i + 1);
    previous = here;
  }
  return out;
}

function isHanChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0x4e00 && c <= 0x9fff;
}
