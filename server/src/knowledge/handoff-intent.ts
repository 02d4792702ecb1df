// Asking for a person, in any words: 转人工, 真人, 我要跟人说话, "can I talk to a human", "is anyone there
// who can help". Recognised before ranking so that such a message never gets an unrelated entry; the
// robot answers it as the hand-off entry (or a hand-off of its own).
import { latinSyllables } from './phonetic';
import { fold } from './text-folding';

/** Who a customer may ask for by role. */
const ROLE = '客服|店长|经理|老板|掌柜|主管|领导|小二|售后|负责人|店家|商家';
const ZH = [
  /人工/,
  /^(在线)?客服$/,
  /真人/,
  /活人/,
  /转人/,
  /找人/,
  /(跟|和|与|同)(真)?人(说|聊|谈|沟通|对话)/,
  new RegExp(`(找|叫|要|转|接|换)(个)?(${ROLE})`),
  new RegExp(`(${ROLE})(在吗|在不在|呢|人呢|出来|回复|快来)`),
  /有人(在)?吗|有没有人|人呢|在不在/,
  /工作人员|服务员|售后人员|客服人员|客服小姐姐|客服妹妹|客服mm/,
  /(联系|接通|转接|呼叫|转到|转给|接入)(一下)?(你们)?(的)?(客服|人|售后|店家|商家)/,
  new RegExp(`(让|请|叫|派)(你们)?(的)?(人|${ROLE})(来|过来|联系|处理|回复|跟我)`),
  /换(个|一个)?人/,
  /客服(呢|在哪|去哪|跑哪|人呢)/,
  /不要(跟)?(机器人|机器)|不想(跟)?(机器人|机器)|别(用)?机器人/,
];
/** Words that name a person to talk to whatever else is said. */
const EN_PERSON =
  /\b(human|humans|agent|agents|staff|representative|rep|operator|manager|supervisor|real person|live person|live chat|actual person)\b/;
/** Words that name a person only with a verb of reaching one (someone who knows the shipping time is not a hand-off). */
const EN_VAGUE = /\b(someone|somebody|anyone|anybody|person|people|customer service|support|service team)\b/;
const EN_REACH = /\b(talk|speak|chat|there|connect|transfer|contact|reach|call|help me|get me|need|want)\b/;
/** Words with 人 that name no one to talk to (个人 unless it is 换个人, 找个人). */
const NOT_A_PERSON = /(客服电话|人工费|(?<![换找叫要])个人|本人|人民币|收件人|联系人)/;
/** Refusing the robot is asking for a person, even in words that otherwise decline ("不用机器人"). */
const REFUSES_ROBOT = /(不要|不想|不用|别)(跟|用)?(机器人|机器)/;
/** Declining a person ("转人工就不用了", "no need for an agent"): not a request, whatever words it names. */
const DECLINES = /(不用|不需要|不必|用不着|算了|先不|暂时不)|\b(no need|don'?t need|do not need|no thanks)\b/;

/**
 * Asking when people are there ("when are your agents online", "what time can I reach customer support")
 * asks for the service hours, not for a person now: an entry may answer it.
 */
const ASKS_WHEN = /^(when|what time|what hours|which hours|how late|until when|till when)\b/;

/** Whether `text` asks for a person. */
export function asksForPerson(text: string): boolean {
  const s = fold(text);
  if (!s || s.length > 60) return false;
  if (REFUSES_ROBOT.test(s)) return true;
  if (DECLINES.test(s)) return false;
  if (/[\u4e00-\u9fff]/.test(s)) {
    const cleaned = s.replace(NOT_A_PERSON, ' ');
    if (ZH.some((r) => r.test(cleaned))) return true;
  }
  if (!/[a-z]/.test(s) || ASKS_WHEN.test(s)) return false;
  return EN_PERSON.test(s) || (EN_VAGUE.test(s) && EN_REACH.test(s)) || PINYIN_PERSON.test(pinyinTyped(s));
}

/** 人工, 真人 or 客服 alone, typed in pinyin (syllables as mistyped: renggong, zhenren, kefu). */
const PINYIN_PERSON = /(^| )(zuan )?ren gong( |$)|(^| )zen ren( |$)|^ke fu$/;

/** The Latin letters of `s` read as pinyin syllables (fuzzy, as phonetic.ts reads them), or ''. */
function pinyinTyped(s: string): string {
  const letters = s.replace(/[^a-z]/g, '');
  return letters.length > 24 ? '' : (latinSyllables(letters, true) ?? []).join(' ');
}
