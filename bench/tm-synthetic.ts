/**
 * Synthetic zh–en sentence pairs for the TM benchmark: government-news style templates filled from
 * parallel word lists, words drawn with Zipf-like weights (rank r has weight 1/r) so that some index
 * terms are very common and most are rare, as in real text. Deterministic for a given seed.
 */
import { ENGLISH_MONTH_NAMES } from '../src/core/numbers/index.js';
import { seededRandom } from './seeded-random.js';

type Pair = readonly [zh: string, en: string];

const SURNAMES: Pair[] = [
  ['王', 'Wang'],
  ['李', 'Li'],
  ['张', 'Zhang'],
  ['刘', 'Liu'],
  ['陈', 'Chen'],
  ['杨', 'Yang'],
  ['赵', 'Zhao'],
  ['黄', 'Huang'],
  ['周', 'Zhou'],
  ['吴', 'Wu'],
  ['徐', 'Xu'],
  ['孙', 'Sun'],
  ['胡', 'Hu'],
  ['朱', 'Zhu'],
  ['高', 'Gao'],
  ['林', 'Lin'],
  ['何', 'He'],
  ['郭', 'Guo'],
  ['马', 'Ma'],
  ['罗', 'Luo'],
  ['梁', 'Liang'],
  ['宋', 'Song'],
  ['郑', 'Zheng'],
  ['谢', 'Xie'],
  ['韩', 'Han'],
  ['唐', 'Tang'],
  ['冯', 'Feng'],
  ['于', 'Yu'],
];
const GIVEN: Pair[] = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['丽', 'li'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['洋', 'yang'],
  ['勇', 'yong'],
  ['艳', 'yan'],
  ['杰', 'jie'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['霞', 'xia'],
  ['平', 'ping'],
  ['刚', 'gang'],
  ['成', 'cheng'],
  ['广', 'guang'],
  ['智', 'zhi'],
  ['兵', 'bing'],
  ['江', 'jiang'],
  ['华', 'hua'],
  ['建', 'jian'],
  ['国', 'guo'],
  ['文', 'wen'],
];
const PLACES: Pair[] = [
  ['重庆市', 'Chongqing'],
  ['北京市', 'Beijing'],
  ['上海市', 'Shanghai'],
  ['四川省', 'Sichuan Province'],
  ['广州市', 'Guangzhou'],
  ['深圳市', 'Shenzhen'],
  ['成都市', 'Chengdu'],
  ['武汉市', 'Wuhan'],
  ['西安市', "Xi'an"],
  ['南京市', 'Nanjing'],
  ['杭州市', 'Hangzhou'],
  ['天津市', 'Tianjin'],
  ['云南省', 'Yunnan Province'],
  ['贵州省', 'Guizhou Province'],
  ['湖南省', 'Hunan Province'],
  ['浙江省', 'Zhejiang Province'],
  ['江苏省', 'Jiangsu Province'],
  ['山东省', 'Shandong Province'],
  ['河南省', 'Henan Province'],
  ['福建省', 'Fujian Province'],
];
const ORGS: Pair[] = [
  ['市政府外事办公室', 'Foreign Affairs Office of the Municipal Government'],
  ['人民对外友好协会', "People's Association for Friendship with Foreign Countries"],
  ['商务委员会', 'Commerce Commission'],
  ['教育委员会', 'Education Commission'],
  ['文化和旅游局', 'Bureau of Culture and Tourism'],
  ['发展和改革委员会', 'Development and Reform Commission'],
  ['科学技术局', 'Science and Technology Bureau'],
  ['统计局', 'Statistics Bureau'],
  ['生态环境局', 'Ecology and Environment Bureau'],
  ['卫生健康委员会', 'Health Commission'],
  ['人民政府', "People's Government"],
  ['交通运输局', 'Transport Bureau'],
  ['农业农村委员会', 'Agriculture and Rural Affairs Commission'],
  ['民间组织国际交流促进会', 'China NGO Network for International Exchanges'],
  ['贸易促进委员会', 'Council for the Promotion of International Trade'],
];
const TITLES: Pair[] = [
  ['副会长', 'vice president'],
  ['秘书长', 'secretary-general'],
  ['主任', 'director'],
  ['副主任', 'deputy director'],
  ['局长', 'director-general'],
  ['副局长', 'deputy director-general'],
  ['党组成员', 'member of the Party Leadership Group'],
  ['二级巡视员', 'second-level inspector'],
  ['会长', 'president'],
  ['副市长', 'vice mayor'],
];
const VERBS: Pair[] = [
  ['会见了', 'met with'],
  ['访问了', 'visited'],
  ['考察了', 'inspected'],
  ['出席了', 'attended'],
  ['主持了', 'chaired'],
  ['听取了', 'heard'],
  ['签署了', 'signed'],
  ['参加了', 'took part in'],
  ['介绍了', 'presented'],
  ['启动了', 'launched'],
  ['推动了', 'promoted'],
  ['总结了', 'reviewed'],
];
const ADJECTIVES: Pair[] = [
  ['对外', 'foreign'],
  ['经济', 'economic'],
  ['文化', 'cultural'],
  ['教育', 'educational'],
  ['科技', 'technological'],
  ['民间', 'people-to-people'],
  ['绿色', 'green'],
  ['数字', 'digital'],
  ['友好', 'friendly'],
  ['国际', 'international'],
  ['区域', 'regional'],
  ['青年', 'youth'],
  ['卫生', 'health'],
  ['旅游', 'tourism'],
  ['农业', 'agricultural'],
  ['金融', 'financial'],
  ['体育', 'sports'],
  ['城市', 'urban'],
  ['生态', 'ecological'],
  ['医疗', 'medical'],
];
const OBJECTS: Pair[] = [
  ['合作协议', 'cooperation agreement'],
  ['工作报告', 'work report'],
  ['发展规划', 'development plan'],
  ['交流活动', 'exchange activities'],
  ['投资项目', 'investment projects'],
  ['论坛', 'forum'],
  ['座谈会', 'symposium'],
  ['培训班', 'training course'],
  ['展览会', 'exhibition'],
  ['工作计划', 'work plan'],
  ['合作机制', 'cooperation mechanism'],
  ['友城关系', 'sister-city relations'],
  ['研讨会', 'seminar'],
  ['示范区', 'demonstration zone'],
  ['建设工作', 'construction work'],
  ['宣传活动', 'publicity campaign'],
  ['调研活动', 'research visit'],
  ['服务平台', 'service platform'],
];

export function makeSentencePairs(seed: number): () => { zh: string; en: string } {
  const random = seededRandom(seed);
  const pickers = new Map<readonly Pair[], () => Pair>();
  const pick = (list: readonly Pair[]): Pair => {
    let picker = pickers.get(list);
    if (!picker) {
      // Zipf weights 1/rank, cumulative, then a binary search per draw.
      const cumulative: number[] = [];
      let sum = 0;
      for (let i = 0; i < list.length; i++) {
        sum += 1 / (i + 1);
        cumulative.push(sum);
      }
      picker = () => {
        const x = random() * sum;
        let lo = 0;
        let hi = cumulative.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cumulative[mid]! < x) lo = mid + 1;
          else hi = mid;
        }
        return list[lo]!;
      };
      pickers.set(list, picker);
    }
    return picker();
  };
  const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const name = (): Pair => {
    const [sz, se] = pick(SURNAMES);
    const [g1z, g1e] = pick(GIVEN);
    const [g2z, g2e] = pick(GIVEN);
    return [sz + g1z + g2z, `${se} ${g1e[0]!.toUpperCase()}${g1e.slice(1)}${g2e}`];
  };
  const templates: Array<() => Pair> = [
    () => {
      const [year, month, day] = [int(2000, 2025), int(1, 12), int(1, 28)];
      const [pz, pe] = pick(PLACES);
      const [oz, oe] = pick(ORGS);
      const [tz, te] = pick(TITLES);
      const [nz, ne] = name();
      const [vz, ve] = pick(VERBS);
      const [az, ae] = pick(ADJECTIVES);
      const [bz, be] = pick(OBJECTS);
      return [
        `${year}年${month}月${day}日，${pz}${oz}${tz}${nz}${vz}${az}${bz}。`,
        `On ${ENGLISH_MONTH_NAMES[month - 1]} ${day}, ${year}, ${ne}, ${te} of the ${oe} of ${pe}, ${ve} the ${ae} ${be}.`,
      ];
    },
    () => {
      const [nz, ne] = name();
      const [pz, pe] = pick(PLACES);
      const [az, ae] = pick(ADJECTIVES);
      const [bz, be] = pick(OBJECTS);
      const [cz, ce] = pick(ADJECTIVES);
      const [dz, de] = pick(OBJECTS);
      return [
        `${nz}表示，${pz}将进一步加强${az}${bz}，推动${cz}${dz}取得新成效。`,
        `${ne} said that ${pe} would further strengthen the ${ae} ${be} and push the ${ce} ${de} to new results.`,
      ];
    },
    () => {
      const [year, pct, n] = [int(2000, 2025), int(1, 40), int(2, 9999)];
      const [pz, pe] = pick(PLACES);
      const [az, ae] = pick(ADJECTIVES);
      const [bz, be] = pick(OBJECTS);
      return [
        `${year}年，${pz}${az}${bz}投入增长${pct}%，达到${n}亿元。`,
        `In ${year}, spending on ${ae} ${be} in ${pe} grew by ${pct}% to ${n} hundred million yuan.`,
      ];
    },
    () => {
      const [az, ae] = pick(ADJECTIVES);
      const [bz, be] = pick(OBJECTS);
      const [cz, ce] = pick(ADJECTIVES);
      const [dz, de] = pick(OBJECTS);
      const [pz, pe] = pick(PLACES);
      return [
        `双方就${az}${bz}和${cz}${dz}等议题交换了意见，并同意在${pz}继续开展合作。`,
        `The two sides exchanged views on the ${ae} ${be}, the ${ce} ${de} and other issues, and agreed to continue cooperating in ${pe}.`,
      ];
    },
    () => {
      const [n, m] = [int(2, 300), int(100, 99999)];
      const [oz, oe] = pick(ORGS);
      const [pz, pe] = pick(PLACES);
      const [az, ae] = pick(ADJECTIVES);
      const [bz, be] = pick(OBJECTS);
      return [
        `${pz}${oz}全年共组织${n}场${az}${bz}，参与人数超过${m}人次。`,
        `The ${oe} of ${pe} organised ${n} ${ae} ${be} events during the year, with more than ${m} participants.`,
      ];
    },
    () => {
      const [nz, ne] = name();
      const [tz, te] = pick(TITLES);
      const [oz, oe] = pick(ORGS);
      const [az, ae] = pick(ADJECTIVES);
      const [bz, be] = pick(OBJECTS);
      const [vz, ve] = pick(VERBS);
      return [
        `${oz}${tz}${nz}${vz}来访的代表团，双方围绕${az}${bz}进行了深入交流。`,
        `${ne}, ${te} of the ${oe}, ${ve} the visiting delegation, and the two sides held in-depth talks on the ${ae} ${be}.`,
      ];
    },
  ];
  return () => {
    const [zh, en] = templates[Math.floor(random() * templates.length)]!();
    return { zh, en };
  };
}
