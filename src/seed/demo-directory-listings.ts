/**
 * The demo's community directory as plain data: groups and sessions in the inner north-west of
 * Leeds, near Riverside's demo people (Margaret Ellis lives by Woodhouse Moor). Dates are given
 * as days from the day of seeding, so a listing that is meant to look stale, or an insurance
 * certificate meant to have lapsed, still does whenever the demo is installed.
 */

export interface DemoOrganization {
  key: string;
  name: string;
  description: string;
  email: string;
  website?: string;
  legalForm: 'incorporated' | 'unincorporated';
  charityNumber?: string;
  qualityMarks?: string[];
  safeguardingReviewedDaysAgo?: number;
  /** Days from today; negative means it has lapsed. */
  insuranceExpiresInDays?: number;
  dbsPolicy?: string;
}

export interface DemoPlace {
  name: string;
  line1: string;
  postcode: string;
  latitude: number;
  longitude: number;
  accessibility?: string[];
  transportation?: string;
}

export interface DemoListing {
  org: string;
  name: string;
  description: string;
  terms: NeedTerm[];
  schedules?: { byday: string; opens: string; closes: string; monthly?: boolean }[];
  /** Pounds: 0 is free. Absent: no cost recorded. */
  cost?: number;
  costLabel?: string;
  place?: PlaceKey;
  status?: 'active' | 'temporarily closed' | 'inactive';
  referralMode?: 'referrals' | 'signposting';
  contact?: { name: string; role: string; email: string; phone: string };
  capacity?: { places: number; waitlist: number };
  /** null: never verified. */
  verifiedDaysAgo?: number | null;
  languages?: { code: string; name: string }[];
  alert?: string;
  eligibility?: string;
  minimumAge?: number;
  note?: string;
  preferred?: boolean;
  public?: boolean;
  /** Closed after it was listed: stored as a second version, so its history shows the closure. */
  closedLater?: string;
}

export const NEED_TERMS = [
  'Walking', 'Physical activity', 'Social isolation', 'Befriending', 'Money advice', 'Benefits advice', 'Gardening', 'Carers support',
  'Food', 'Arts and creativity', 'Music and singing', 'Mental wellbeing', 'Digital skills', 'Bereavement support', 'Memory and dementia',
  "Men's health", 'English language',
] as const;
export type NeedTerm = (typeof NEED_TERMS)[number];

/** Riverside's need categories (src/contracts/referral-codes.ts) and the terms that meet them. */
export const RIVERSIDE_NEED_TERMS: Record<string, NeedTerm[]> = {
  loneliness: ['Social isolation', 'Befriending'],
  'physical-activity': ['Walking', 'Physical activity'],
  'mental-wellbeing': ['Mental wellbeing', 'Arts and creativity', 'Music and singing', 'Gardening'],
  'money-debt': ['Money advice'],
  benefits: ['Benefits advice'],
  carers: ['Carers support'],
  food: ['Food'],
  'digital-inclusion': ['Digital skills'],
  bereavement: ['Bereavement support', 'Befriending'],
};

export const ORGANIZATIONS: DemoOrganization[] = [
  {
    key: 'age-friends', name: 'Riverside Age Friends', email: 'hello@agefriends.example.org', website: 'https://agefriends.example.org',
    description: 'Volunteers running walks, lunches and a memory café for older people in Woodhouse, Hyde Park and Headingley.',
    legalForm: 'incorporated', charityNumber: '1190001', qualityMarks: ['Trusted Charity Mark'], safeguardingReviewedDaysAgo: 120, insuranceExpiresInDays: 200,
    dbsPolicy: 'Every volunteer who leads a group has an enhanced DBS check, renewed every three years.',
  },
  {
    key: 'green-shoots', name: 'Green Shoots Community Garden', email: 'grow@greenshoots.example.org', website: 'https://greenshoots.example.org',
    description: 'A community garden in Meanwood where anyone can help grow fruit and vegetables, whatever their experience.',
    legalForm: 'incorporated', charityNumber: '1190002', safeguardingReviewedDaysAgo: 60, insuranceExpiresInDays: 150,
    dbsPolicy: 'Session leads hold enhanced DBS checks.',
  },
  {
    key: 'money-matters', name: 'Money Matters Advice Centre', email: 'advice@moneymatters.example.org', website: 'https://moneymatters.example.org',
    description: 'Free, confidential advice on debt, benefits and bills in the centre of Leeds.',
    legalForm: 'incorporated', charityNumber: '1190003', qualityMarks: ['Advice Quality Standard'], safeguardingReviewedDaysAgo: 200, insuranceExpiresInDays: 300,
  },
  {
    key: 'mens-shed', name: 'Headingley Men’s Shed', email: 'shed@headingleyshed.example.org',
    description: 'A workshop where men (and anyone else) make, mend and chat over a brew.',
    legalForm: 'unincorporated', safeguardingReviewedDaysAgo: 90, insuranceExpiresInDays: 100,
  },
  {
    key: 'choir', name: 'Chapel Allerton Community Choir', email: 'sing@cacchoir.example.org',
    description: 'A friendly choir with no auditions and no need to read music.',
    legalForm: 'unincorporated', safeguardingReviewedDaysAgo: 300, insuranceExpiresInDays: 250,
  },
  {
    key: 'polish', name: 'Polska Wspólnota Leeds', email: 'kontakt@polskaleeds.example.org',
    description: 'The Polish community association of Leeds: coffee mornings, advice and an English conversation club.',
    legalForm: 'incorporated', charityNumber: '1190006', safeguardingReviewedDaysAgo: 150, insuranceExpiresInDays: 180,
  },
  {
    key: 'befriending', name: 'Leeds Befriending Network', email: 'friends@leedsbefriending.example.org', website: 'https://leedsbefriending.example.org',
    description: 'Trained volunteers who phone or visit people who are on their own.',
    legalForm: 'incorporated', charityNumber: '1190007', safeguardingReviewedDaysAgo: 500, insuranceExpiresInDays: 90,
    dbsPolicy: 'All befrienders hold an enhanced DBS check before they are matched.',
  },
  {
    key: 'open-arts', name: 'Open Arts Leeds', email: 'studio@openartsleeds.example.org', website: 'https://openartsleeds.example.org',
    description: 'Art and craft groups for adults who want to be creative and look after their wellbeing.',
    legalForm: 'incorporated', charityNumber: '1190008', safeguardingReviewedDaysAgo: 45, insuranceExpiresInDays: 330,
  },
  {
    key: 'canal-side', name: 'Canal Side Community Kitchen', email: 'kitchen@canalside.example.org',
    description: 'A community kitchen in Armley: a pantry, cooking sessions and, until 2025, a lunch club.',
    legalForm: 'unincorporated', safeguardingReviewedDaysAgo: 240, insuranceExpiresInDays: 60,
  },
  {
    key: 'digital', name: 'Harehills Digital Helpers', email: 'help@digitalhelpers.example.org',
    description: 'Volunteers who help people get online, use a smartphone and fill in forms.',
    legalForm: 'unincorporated', safeguardingReviewedDaysAgo: 400, insuranceExpiresInDays: -40,
  },
  {
    key: 'carers', name: 'Kirkstall Carers Hub', email: 'carers@kirkstallhub.example.org',
    description: 'Support, information and a break for unpaid carers in west Leeds.',
    legalForm: 'incorporated', charityNumber: '1190011', safeguardingReviewedDaysAgo: 30, insuranceExpiresInDays: 280,
  },
  {
    key: 'moving', name: 'Moving Together Leeds', email: 'move@movingtogether.example.org',
    description: 'Gentle exercise for people who have not been active for a while.',
    legalForm: 'incorporated', charityNumber: '1190012', safeguardingReviewedDaysAgo: 100, insuranceExpiresInDays: 210,
  },
];

const STEP_FREE = 'Step-free access';
const ACCESSIBLE_TOILET = 'Accessible toilet';
const HEARING_LOOP = 'Hearing loop';

const PLACE_DATA = {
  woodhouseMoor: {
    name: 'Woodhouse Moor: meet at the café by the bowling green', line1: 'Woodhouse Moor, Clarendon Road', postcode: 'LS6 2AB',
    latitude: 53.8135, longitude: -1.545, accessibility: [STEP_FREE, 'Benches along the route'], transportation: 'Buses 1, 6 and 56 stop on Woodhouse Lane.',
  },
  roundhay: { name: 'Roundhay Park: Lakeside Café', line1: 'Princes Avenue', postcode: 'LS8 2ER', latitude: 53.839, longitude: -1.498 },
  kirkstallAbbey: {
    name: 'Kirkstall Abbey: visitor centre steps', line1: 'Abbey Road', postcode: 'LS5 3EH', latitude: 53.8207, longitude: -1.6067,
    transportation: 'Trains to Headingley station; buses 33 and 34.',
  },
  stMichaels: {
    name: 'St Michael’s Church Hall', line1: 'St Michael’s Road', postcode: 'LS6 3BG', latitude: 53.8197, longitude: -1.5772,
    accessibility: [STEP_FREE, ACCESSIBLE_TOILET, HEARING_LOOP],
  },
  hydeParkCentre: {
    name: 'Hyde Park Community Centre', line1: '21 Brudenell Road', postcode: 'LS6 1HA', latitude: 53.8118, longitude: -1.5585,
    accessibility: [STEP_FREE, ACCESSIBLE_TOILET],
  },
  meanwoodGarden: { name: 'Green Shoots Garden, Meanwood', line1: 'Meanwood Road allotments', postcode: 'LS7 2AA', latitude: 53.832, longitude: -1.564 },
  adviceCentre: {
    name: 'Money Matters Advice Centre', line1: '14 Vicar Lane', postcode: 'LS1 7JH', latitude: 53.7985, longitude: -1.5395,
    accessibility: [STEP_FREE, ACCESSIBLE_TOILET, HEARING_LOOP],
  },
  shed: { name: 'The Shed, Headingley', line1: 'Back Otley Road', postcode: 'LS6 3PX', latitude: 53.823, longitude: -1.576 },
  chapelAllerton: { name: 'Chapel Allerton Methodist Church', line1: 'Town Street', postcode: 'LS7 4NB', latitude: 53.829, longitude: -1.536, accessibility: [STEP_FREE] },
  polishCentre: { name: 'Polish Community Centre', line1: '2 Harehills Road', postcode: 'LS8 5HR', latitude: 53.81, longitude: -1.51, accessibility: [STEP_FREE] },
  artStudio: { name: 'Open Arts Studio', line1: '5 Cardigan Road', postcode: 'LS6 1LF', latitude: 53.8125, longitude: -1.56 },
  armleyKitchen: { name: 'Canal Side Kitchen', line1: '40 Canal Road', postcode: 'LS12 2PL', latitude: 53.798, longitude: -1.589 },
  harehillsLibrary: { name: 'Harehills Library', line1: 'Roundhay Road', postcode: 'LS8 5PL', latitude: 53.808, longitude: -1.515, accessibility: [STEP_FREE] },
  kirkstallHub: { name: 'Kirkstall Carers Hub', line1: '7 Commercial Road', postcode: 'LS5 3AQ', latitude: 53.816, longitude: -1.6, accessibility: [STEP_FREE, ACCESSIBLE_TOILET] },
  littleLondon: { name: 'Little London Community Centre', line1: 'Oatland Lane', postcode: 'LS7 1SR', latitude: 53.808, longitude: -1.543, accessibility: [STEP_FREE] },
  sportsHall: { name: 'Woodhouse Sports Hall', line1: 'Rampart Road', postcode: 'LS6 2JG', latitude: 53.8165, longitude: -1.551 },
} satisfies Record<string, DemoPlace>;
export type PlaceKey = keyof typeof PLACE_DATA;
export const PLACES: Record<PlaceKey, DemoPlace> = PLACE_DATA;

const DAYS_RECENT = 20;

export const LISTINGS: DemoListing[] = [
  {
    org: 'age-friends', name: 'Tuesday Wellbeing Walk', terms: ['Walking', 'Physical activity', 'Social isolation'],
    description: 'A gentle hour’s walk round Woodhouse Moor at an easy pace, then tea at the café. Nobody is left behind; walk leaders are trained in first aid.',
    schedules: [{ byday: 'TU', opens: '10:00', closes: '11:30' }], cost: 0, place: 'woodhouseMoor',
    contact: { name: 'Sue Marshall', role: 'Walk leader', email: 'sue.marshall@agefriends.example.org', phone: '0113 496 0101' },
    capacity: { places: 20, waitlist: 0 }, verifiedDaysAgo: 12, note: 'Ask for Sue — she meets new walkers at the café.', preferred: true,
  },
  {
    org: 'age-friends', name: 'Thursday Nordic Walking', terms: ['Walking', 'Physical activity'],
    description: 'Brisker walking with poles round Roundhay Park. Poles are lent for the first four weeks.',
    schedules: [{ byday: 'TH', opens: '09:30', closes: '11:00' }], cost: 3, costLabel: 'Per session', place: 'roundhay', capacity: { places: 12, waitlist: 2 },
    verifiedDaysAgo: 40,
  },
  {
    org: 'age-friends', name: 'Canal Walking Club', terms: ['Walking', 'Physical activity', 'Social isolation'],
    description: 'A flat towpath walk from Kirkstall Abbey along the Leeds and Liverpool Canal, about three miles.',
    schedules: [{ byday: 'SA', opens: '10:00', closes: '12:00' }], cost: 0, place: 'kirkstallAbbey', verifiedDaysAgo: DAYS_RECENT,
  },
  {
    org: 'age-friends', name: 'Friendship Lunch', terms: ['Social isolation', 'Food'],
    description: 'A two-course hot lunch and good company every Friday. Transport can be arranged for people who cannot get there.',
    schedules: [{ byday: 'FR', opens: '12:00', closes: '14:00' }], cost: 4, costLabel: 'Lunch', place: 'stMichaels', capacity: { places: 30, waitlist: 0 },
    eligibility: 'Aged 60 or over', minimumAge: 60, verifiedDaysAgo: 75,
  },
  {
    org: 'age-friends', name: 'Memory Café', terms: ['Memory and dementia', 'Social isolation', 'Carers support'],
    description: 'A relaxed afternoon for people living with memory loss and the people who care for them: music, reminiscence and cake.',
    schedules: [{ byday: '1WE', opens: '14:00', closes: '16:00', monthly: true }], cost: 0, place: 'hydeParkCentre', verifiedDaysAgo: 33,
  },
  {
    org: 'green-shoots', name: 'Community Gardening Mornings', terms: ['Gardening', 'Mental wellbeing', 'Physical activity', 'Social isolation'],
    description: 'Sow, weed, harvest and share what grows. Tools, gloves and tea provided; wear old clothes.',
    schedules: [{ byday: 'WE', opens: '10:00', closes: '12:30' }], cost: 0, place: 'meanwoodGarden',
    contact: { name: 'Tom Whitfield', role: 'Garden coordinator', email: 'tom.whitfield@riverside.example.org', phone: '0113 496 0202' },
    capacity: { places: 15, waitlist: 0 }, verifiedDaysAgo: 25,
  },
  {
    org: 'green-shoots', name: 'Grow Together for Carers', terms: ['Gardening', 'Carers support', 'Mental wellbeing'],
    description: 'A quiet gardening session for unpaid carers to take a break, with a cuppa and a chat.',
    schedules: [{ byday: 'MO', opens: '13:00', closes: '15:00' }], cost: 0, place: 'meanwoodGarden', verifiedDaysAgo: 25,
  },
  {
    org: 'money-matters', name: 'Debt Advice Drop-in', terms: ['Money advice'], referralMode: 'signposting',
    description: 'Free, confidential advice on debts, arrears and dealing with creditors. People contact the centre themselves; no referral needed.',
    schedules: [{ byday: 'MO,WE', opens: '09:30', closes: '13:00' }], cost: 0, place: 'adviceCentre', verifiedDaysAgo: 15,
    note: 'Drop-in is busiest on Mondays; Wednesdays are quieter.',
  },
  {
    org: 'money-matters', name: 'Benefits Check', terms: ['Benefits advice', 'Money advice'],
    description: 'A full check of what someone may be entitled to, with help to claim.',
    schedules: [{ byday: 'TH', opens: '10:00', closes: '16:00' }], cost: 0, place: 'adviceCentre', verifiedDaysAgo: 15,
  },
  {
    org: 'money-matters', name: 'Energy Bills Advice', terms: ['Money advice'], referralMode: 'signposting',
    description: 'Help with energy debts, switching tariffs and applying for grants.', schedules: [{ byday: 'TU', opens: '13:00', closes: '16:00' }],
    cost: 0, place: 'adviceCentre', verifiedDaysAgo: 50,
  },
  {
    org: 'mens-shed', name: 'Men’s Shed Workshop', terms: ["Men's health", 'Social isolation', 'Mental wellbeing'],
    description: 'Woodwork, repairs and restoration in a shared workshop. Come to make something or just for the chat.',
    schedules: [{ byday: 'TU,TH', opens: '10:00', closes: '15:00' }], cost: 2, costLabel: 'Suggested donation', place: 'shed', verifiedDaysAgo: 60,
  },
  {
    org: 'choir', name: 'Sing for Wellbeing Choir', terms: ['Music and singing', 'Mental wellbeing', 'Social isolation'],
    description: 'Pop, folk and gospel songs learnt by ear. No auditions, no reading music.',
    schedules: [{ byday: 'MO', opens: '19:00', closes: '21:00' }], cost: 0, place: 'chapelAllerton', verifiedDaysAgo: 90,
  },
  {
    org: 'choir', name: 'Singing for Better Breathing', terms: ['Music and singing', 'Physical activity'],
    description: 'Breathing exercises and songs for people with COPD and other lung conditions.',
    schedules: [{ byday: 'WE', opens: '14:00', closes: '15:00' }], cost: 0, place: 'chapelAllerton', verifiedDaysAgo: 90,
  },
  {
    org: 'polish', name: 'Polish-speaking Coffee Morning', terms: ['Social isolation'], languages: [{ code: 'pl', name: 'Polish' }],
    description: 'Kawa, ciasto i rozmowa: a coffee morning in Polish for older Polish speakers and newcomers.',
    schedules: [{ byday: 'SU', opens: '11:00', closes: '13:00' }], cost: 0, place: 'polishCentre', verifiedDaysAgo: 35,
  },
  {
    org: 'polish', name: 'English Conversation Club', terms: ['English language', 'Social isolation'],
    languages: [{ code: 'en', name: 'English' }, { code: 'pl', name: 'Polish' }],
    description: 'Practise everyday English with volunteers in a relaxed group.', schedules: [{ byday: 'TH', opens: '18:00', closes: '19:30' }],
    cost: 0, place: 'polishCentre', verifiedDaysAgo: 35,
  },
  {
    org: 'befriending', name: 'Telephone Befriending', terms: ['Befriending', 'Social isolation', 'Bereavement support'],
    description: 'A weekly phone call from the same trained volunteer, at a time that suits.',
    schedules: [{ byday: 'MO,TU,WE,TH,FR', opens: '10:00', closes: '16:00' }], cost: 0, capacity: { places: 40, waitlist: 6 }, verifiedDaysAgo: 45,
    note: 'Good for people who cannot leave home. Waiting list is about a month.',
  },
  {
    org: 'befriending', name: 'Home Visiting Befriending', terms: ['Befriending', 'Social isolation'],
    description: 'A volunteer visits at home once a week for a cup of tea and a chat.', cost: 0, verifiedDaysAgo: 730,
  },
  {
    org: 'open-arts', name: 'Drawing for Wellbeing', terms: ['Arts and creativity', 'Mental wellbeing'],
    description: 'Relaxed drawing and painting for beginners. Materials provided.', schedules: [{ byday: 'TU', opens: '13:30', closes: '15:30' }],
    cost: 0, place: 'artStudio', verifiedDaysAgo: 28,
  },
  {
    org: 'open-arts', name: 'Pottery for Beginners', terms: ['Arts and creativity'],
    description: 'Six-week course in hand-building and the wheel.', schedules: [{ byday: 'TH', opens: '18:30', closes: '20:30' }],
    cost: 5, costLabel: 'Per session, clay included', place: 'artStudio', capacity: { places: 8, waitlist: 3 }, verifiedDaysAgo: 28,
  },
  {
    org: 'canal-side', name: 'Canal Side Lunch Club', terms: ['Food', 'Social isolation'],
    description: 'A weekly lunch club for older people in Armley.', schedules: [{ byday: 'WE', opens: '12:00', closes: '14:00' }],
    cost: 3, costLabel: 'Lunch', place: 'armleyKitchen', verifiedDaysAgo: 400, public: false,
    closedLater: 'Closed in 2025 when the hall was sold. Try the Friendship Lunch at St Michael’s.',
  },
  {
    org: 'canal-side', name: 'Community Pantry', terms: ['Food', 'Money advice'],
    description: 'A members’ pantry: £3.50 a week buys a bag of groceries worth much more.', schedules: [{ byday: 'FR', opens: '12:00', closes: '14:00' }],
    cost: 3.5, costLabel: 'Weekly membership', place: 'armleyKitchen', verifiedDaysAgo: 55,
  },
  {
    org: 'digital', name: 'Digital Drop-in', terms: ['Digital skills'], status: 'temporarily closed',
    description: 'Bring a phone, tablet or laptop and a question.', schedules: [{ byday: 'WE', opens: '10:00', closes: '12:00' }], cost: 0,
    place: 'harehillsLibrary', alert: 'Paused until new volunteers are trained; expected back in the new year.', verifiedDaysAgo: 70,
  },
  {
    org: 'carers', name: 'Carers’ Café', terms: ['Carers support', 'Social isolation'],
    description: 'An afternoon off for unpaid carers: tea, cake, information and people who understand.',
    schedules: [{ byday: '1WE', opens: '13:30', closes: '15:30', monthly: true }], cost: 0, place: 'kirkstallHub', verifiedDaysAgo: 18,
  },
  {
    org: 'moving', name: 'Chair Yoga', terms: ['Physical activity', 'Mental wellbeing'],
    description: 'Seated yoga for strength, balance and breathing. Suitable for people with limited mobility.',
    schedules: [{ byday: 'TU', opens: '11:00', closes: '12:00' }], cost: 2, costLabel: 'Per class', place: 'littleLondon', verifiedDaysAgo: 22,
  },
  {
    org: 'moving', name: 'Walking Football', terms: ['Physical activity', "Men's health", 'Social isolation'],
    description: 'Football at walking pace for over-50s, all abilities.', schedules: [{ byday: 'WE', opens: '18:00', closes: '19:00' }],
    cost: 0, place: 'sportsHall', minimumAge: 50, eligibility: 'Aged 50 or over', verifiedDaysAgo: 22,
  },
];
