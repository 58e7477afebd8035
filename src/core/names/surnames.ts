/**
 * Common Chinese surnames in Simplified form: about 400 single-character surnames (the frequent ones of
 * the household-register rankings, written down from memory, so not exhaustive) and the compound
 * surnames still in use.
 * Traditional text is folded to Simplified before lookup.
 */
const SINGLE =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈' +
  '姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤' +
  '常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季' +
  '裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦' +
  '戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻' +
  '苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练' +
  '廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿' +
  '鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由习';

const COMPOUND =
  '欧阳 司马 诸葛 上官 司徒 夏侯 东方 皇甫 慕容 公孙 令狐 长孙 宇文 尉迟 澹台 端木 申屠 轩辕 西门 南宫';

export const SINGLE_SURNAMES: ReadonlySet<string> = new Set(SINGLE);
export const COMPOUND_SURNAMES: readonly string[] = COMPOUND.split(' ');

/** The surname a Simplified name starts with (compound surnames first), or undefined. */
export function surnameOf(simplifiedName: string): string | undefined {
  const compound = COMPOUND_SURNAMES.find((s) => simplifiedName.startsWith(s));
  if (compound) return compound;
  const first = simplifiedName.charAt(0);
  return SINGLE_SURNAMES.has(first) ? first : undefined;
}
