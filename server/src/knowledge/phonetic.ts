// The phonetic layer: Chinese read as toneless pinyin, so that a wrong character with the same sound
// (开发漂 for 开发票, 物留 for 物流) and pinyin typed in Latin letters (fahuo, youhui券, fa货) meet the
// right words. A text becomes a sequence of syllables; its terms are syllable pairs (kai|fa, fa|piao), as
// single syllables are far too ambiguous (tokens.ts makes the pairs). Latin words count as pinyin only when they split whole into
// syllables (two at least, or one written against Chinese characters).
import { pinyin } from 'pinyin-pro';

const SYLLABLES = new Set(
  'a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu long lou lu luan lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo'.split(
    ' ',
  ),
);

/** `word` split whole into pinyin syllables (fewest pieces), or undefined. */
export function splitPinyin(word: string): string[] | undefined {
  if (!/^[a-z]{1,30}$/.test(word)) return undefined;
  const best: (string[] | undefined)[] = [[]];
  for (let end = 1; end <= word.length; end++) {
    for (let len = Math.min(6, end); len >= 1; len--) {
      const prev = best[end - len];
      const piece = word.slice(end - len, end);
      if (prev && SYLLABLES.has(piece) && (!best[end] || (best[end] as string[]).length > prev.length + 1)) {
        best[end] = [...prev, piece];
      }
    }
  }
  return best[word.length];
}

const memo = new Map<string, string[]>();

/**
 * A syllable as people mistype it (模糊音, as Chinese input methods allow): zh/ch/sh as z/c/s and the
 * back nasals ang/eng/ing as an/en/in, so 尺吗 meets 尺码 and renggong meets 人工.
 */
export function fuzzy(syllable: string): string {
  return syllable.replace(/^([zcs])h/, '$1').replace(/([aei])ng$/, '$1n');
}

/** Toneless pinyin of a run of Chinese characters, remembered (the same words come back all the time). */
export function hanSyllables(run: string): string[] {
  let found = memo.get(run);
  if (!found) {
    if (memo.size > 100_000) memo.clear();
    found = (pinyin(run, { toneType: 'none', type: 'array', v: true }) as string[]).map(fuzzy);
    memo.set(run, found);
  }
  return found;
}

/** The syllables a Latin word stands for, when it is pinyin: two at least, or one glued to Chinese. */
export function latinSyllables(word: string, glued: boolean): string[] | undefined {
  const s = splitPinyin(word);
  return s && (s.length >= 2 || glued) ? s.map(fuzzy) : undefined;
}
