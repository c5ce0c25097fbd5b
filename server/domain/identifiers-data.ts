// Word lists for the identifier check (identifiers.ts). Pure data, built once at import.
//
// Given names and surnames come from @faker-js/faker's English-language locales (en, plus the
// British, Irish, Indian, Nigerian, Ghanaian, South African, Australian and Hong Kong lists),
// generated once into identifiers-names.generated.ts (scripts/generate-name-lists.ts), so the
// check rests on a maintained list rather than on capital letters, and a faker release cannot
// change what counts as a name. Faker's lists lean American, so a short supplement of names
// common among children in the UK is added here; councils add their own through
// `context.localNames`.
import { FAKER_GIVEN_NAMES, FAKER_SURNAMES } from './identifiers-names.generated.js';
import { WORLD_GIVEN_NAMES } from './identifiers-names-world.js';
import { ENGLISH_WORDS } from './identifiers-words.generated.js';

const split = (s: string): string[] => s.split(/\s+/).filter(Boolean);
const lower = (s: string): string[] => split(s).map((w) => w.toLowerCase());

/** Names common among children and young people in the UK that faker's lists lack. */
const UK_GIVEN_NAMES = lower(`
  Alfie Archie Maisie Freya Evie Isla Millie Poppy Ellie-Mae Lexi Lacey Tilly Esme Elsie Ivy-Rose
  Harley Kacey Kayden Keeley Kian Kobe Kyle Leon Lewis Mackenzie Macy Marley Morgan Niamh Nieve
  Rhys Ffion Cerys Dafydd Gethin Owain Seren Sion Siân Aled Bryn Carys Eleri Gwen Iolo Llyr
  Sian Bethan Lowri Catrin Iwan Sioned Elin Mared Huw Ioan Gwion Efa Alaw Llinos Rhian Manon
  Rhodri Rhydian Iestyn Dewi Emlyn Glyn Idris Angharad Delyth Myfanwy Gwyneth Branwen Macsen
  Gruffudd Gruff Emyr Geraint Ieuan Ianto Hywel Meinir Nerys Eurig Gwenllian Tegan Deio Cadi Heledd
  Mali Megan Nia Osian Rhiannon Tomos Siobhan Aoife Ciara Cillian Oisin Padraig Saoirse Sinead
  Declan Eoin Fionn Caoimhe Callum Cameron Ewan Fraser Lachlan Mhairi Struan Kirsty Shona
  Zain Zayn Hussain Hasan Hamza Bilal Yusuf Ayaan Aryan Arjun Ishaan Rohan Zara Zainab Maryam
  Hafsa Iqra Aaliyah Amina Anaya Inaya Safa Tasnim Begum Shabana Nusrat Jannat Sumaiya Tahmid
  Kacper Jakub Szymon Filip Oliwia Zofia Zuzanna Wiktoria Maja Natalia Dawid Mateusz Bartosz
  Andrei Ionut Bogdan Alexandru Ioana Ayomide Oluwaseun Tobi Tolu Temi Kemi Chidi Chinedu Ebuka
  Kwame Kofi Ama Abena Yaw Nana Sade Zion Tyrese Tyreece Jaden Jaiden Kai-Jay Ty Reggie Ronnie
  Frankie Stevie Charlie Jodie Kerry Lee-Ann Leanne Kayleigh Kayla Kiera Kerys Demi-Leigh Tia
  Chantelle Jordan Liam Conor Kieran Ryan Dean Jason Craig Darren Wayne Gary Dale Shane Lee
  Stacey Danielle Gemma Hayley Jade Leah Shannon Courtney Paige Abbie Bethany Chloe Ella Amelia
  Olivia Harvey Oscar Ollie Theo Teddy Tommy Louie Freddie Bobby Jenson Brody Riley Reece Rio
  Dave Davey Steve Stevie Pete Mick Gaz Baz Tel Shaz Bev Jacqui Trish Mandy Debbie Tracey
  Cheryl Sharon Karen Julie Lorraine Michelle Nicola Joanne Lisa Claire Sarah Jo Jenny Kath
`);

/**
 * Welsh given names common among children and their families, for councils in Wales, without
 * those that are everyday Welsh words too ("gwyn" white, "haf" summer, "eira" snow, "nest").
 */
const WELSH_GIVEN_NAMES = lower(`
  Alun Aneirin Anwen Arwel Bleddyn Bronwen Brynmor Cai Caio Caradog Carwyn Ceri Ceridwen Cledwyn
  Deiniol Dilwyn Eifion Eirlys Elis Eluned Emrys Endaf Euros Fflur Gareth Garmon Glenys Goronwy
  Guto Gwawr Gwenno Gwilym Hafwen Hawys Heddwyn Ifan Lewys Llew Lleucu Llion Mabli Madoc Meirion
  Meleri Menna Mererid Nye Pryderi Rhun Siwan Steffan Taliesin Tegid Teleri Trefor Tudur Ynyr
  Elen Deian Lyndon Glenda Gwynfor Gwenan Gwennan Llywelyn Llewelyn Rhydderch Sioni Nerys Morys
  Cadfan Caryl Dwynwen Elfed Elgan Elwyn Emlyn Erin Gwynedd Hefin Ieuan Iorwerth Islwyn Leusa
  Lona Luned Mabon Maldwyn Marged Mathonwy Meurig Mostyn Nesta Olwen Peredur Rhodri Rhonwen
  Sulwyn Tegwen Tirion Dyfan Dyfed Efan Einion Eirian Eirwen Elystan Ffraid Gwern Harri
  Heulyn Hywel Iago Idwal Iolyn Iwan Llinos Lyn Macsen Rhydian Sieffre Tecwyn Wmffre
`);

const UK_SURNAMES = lower(`
  Wynne Mathias Beynon Howells Probert Watkins Madoc Gwynne Meredith Lloyd Hopkins Cadwaladr
  Gruffydd Humphreys Owens Ellis Hopkin Gittins Voyle Llewelyn Penry Pask Bowden Dafis Jarman
  Eynon Gwyther Lougher Mordecai Rosser Treharne Walters Yorath Bowen Vaughan Prydderch Pritchard
  Pugh Prosser Parry Bevan Rowlands Gwilliam Prydderch Bowen Pryce Protheroe Tudor
  Patel Khan Ahmed Ali Hussain Begum Akhtar Iqbal Mahmood Rahman Uddin Islam Singh Kaur Sharma
  Shah Chowdhury Miah Bibi Nowak Kowalski Wisniewski Lewandowski Popescu Okafor Okonkwo Adeyemi
  Mensah Boateng Owusu Nwosu Afolabi Davies Evans Roberts Hughes Morgan Griffiths Lewis Jenkins
  Price Rees Thomas Powell Pritchard Llewellyn Bowen Vaughan Jones Williams Smith Taylor Brown
  Wilson Johnson Robinson Wright Thompson Walker White Edwards Green Hall Wood Harris Clarke
  Jackson Turner Hill Cooper Ward Morris Moore Clark Lee King Baker Harrison Morton Wilkinson
  McDonald MacDonald McCarthy O'Brien O'Connor O'Neill Murphy Kelly Byrne Doyle Gallagher
  Campbell Stewart Fraser Sinclair Docherty Reilly Kennedy Quinn
`);

/**
 * Common English words (SCOWL, generated into identifiers-words.generated.ts). SCOWL keeps proper
 * names apart, so a capitalised word found in neither this list nor the name lists ("Deano",
 * "Rookwood", "Bex") is most likely someone's name or a place's.
 */
export const ENGLISH_WORDS_SET: ReadonlySet<string> = new Set([...split(ENGLISH_WORDS), ...everydayWords()]);

/** Words of care and of British speech that SCOWL's common lists lack ("carers", "chippy"). */
function everydayWords(): string[] {
  return lower(`
  carer carers leaver leavers keyworker keyworkers caseworker bursary uni gcse gcses alevels btec
  btecs ucas wifi advisor advisors camhs iro iros lac cla corporate kinship respite fostering
  footy footie youtuber youtubers vlog vlogs vlogger podcast podcasts stepmum stepdad stepbrother
  stepsister halfsister halfbrother mam mams bro sis fam bestie besties bf gf auntie aunties aunty
  chippy takeaway takeaways maccies netball trackies joggers onesie brekkie sesh cwtch lush tidy
  cariad mardy skint peng wagwan bruv innit quid fiver tenner telly selfie selfies emoji emojis
  hiya heya lol omg tbh idk ngl gonna wanna gotta cos coz pls plz thx btw imo lmao bruh
  brb ttyl gtg smh fml ikr irl fyi rofl lmfao tho wud cud shud tmrw tysm hbu wbu wyd tbf pmsl
  `);
}

export const GIVEN_NAMES: ReadonlySet<string> = new Set([
  ...split(FAKER_GIVEN_NAMES),
  ...UK_GIVEN_NAMES,
  ...WELSH_GIVEN_NAMES,
  ...WORLD_GIVEN_NAMES.filter((w) => !ENGLISH_WORDS_SET.has(w)),
]);
export const SURNAMES: ReadonlySet<string> = new Set([...split(FAKER_SURNAMES), ...UK_SURNAMES]);

/**
 * Names that are also everyday English words ("Will", "Grace", "Hope", "May"...). They count as a
 * name only with context: capitalised in the middle of a sentence, after "called"/"my friend",
 * or followed by a surname. Started from the overlap of the name lists with an English
 * dictionary, then pruned of words that are plainly names (John, Martin...).
 */
export const ORDINARY_NAME_WORDS: ReadonlySet<string> = new Set(
  lower(`
  Mo Al Aj Tj Cj Dj Abbey Ace Ally Amber Angel Anise Arch Art Aster Autumn Barney Baron Barrows Bay Bear Beau Bell
  Belle Berry Beryl Bill Billy Birdie Blaze Bless Blessing Blue Bob Bobby Bonnie Brad Brandy Brook
  Brooks Brown Buck Bud Buddy Buster Caprice Carmine Cerise Chance Chase Clay Clement Colt Comfort
  Cook Cooper Coral Cox Coy Crooks Crystal Curt Dahlia Daisy Dale Dare Dawn Dean Deb Dell Delta
  Destiny Diamond Dolly Don Drake Drew Dusty Earl Earnest Ebony Ed Ember Emerald Eve Faith Fawn
  Felicity Fern Ferry Fisher Flora Ford Forest Foster Frank Freeman Fuller Garland Garnet Gene
  Genesis Gill Ginger Glen Grace Grant Green Griffin Grimes Gunner Guy Hall Hardy Harmony Haven
  Hazel Heath Heather Heaven Hill Hills Holly Hope Hunter Iris Ivory Ivy Jack Jade Jasmine Jay
  Jazz Jewel Josh Journey Joy Justice Kale Karma King Kitty Lacy Lake Lance Lane Lark Laurel Law
  Lea Lily Mark Marks Marlin Mason Matt Maverick Max May Meadow Melody Mercy Miles Miller Mills
  Miracle Misty Moss Myrtle Nick Noble Noel Nova Ocean Olive Opal Pat Patience Patsy Patty Pearl
  Penny Phoenix Pierce Piper Poppy Porter Precious Price Prince Princess Promise Prudence Queen
  Rain Randy Ransom Raven Ray Rebel Reed Reeve Reign Rice Rick River Robin Rocky Rod Roger Rose
  Rosemary Royal Ruby Rusty Sage Sandy Savanna Sawyer Scout Serenity Shade Sherry Shields Sky
  Sonny Stark Sterling Stone Storm Sue Summer Sunny Swift Tad Tanner Tempest Tiara Trace Trinity
  Troy Turner Urban Valentine Victor Viola Violet Wade Walker Ward Warren Waters Will Willow
  Winter Wolf Wood Wright Young Rich Gay Major Minor Hardy Banks Church Hope Lucky Love
  Sincere Unique Loyal Honey Star Cash Chip Dot Dusty Summer Sky Storm Miles Chance Ray
  Anal Baa Baker Beer Bins Bode Bongo Borer Butt Carol Charity Chow Collier Dock Fanny Fish Funk
  Garden Garrison Gust Ho Juniper Lam Lung Lyric Magnolia Margarita Marquis Marquise Meta Novella
  Oral Ova Pang Pansy Pinkie Pun Romaine Roman Salami Shad Sierra Swami Sylvan Talon Tam Tan Tang
  Tel Toke Tong Tromp Tutu Van Viva Wale Wan White Witting Yip Sim Marina Savannah
  Chelsea Jordan India Georgia Paris Florence Sydney Kenya Chad Jamaica Africa Carolina Virginia
  Austin Dallas Brooklyn Devon Kent Lincoln Chester Adelaide Victoria Alexandria Egypt Ireland
`),
);

/**
 * Never a name on their own (only after "called", "named", "my friend"...): family words,
 * days, months, festivals, brands, games, services, compass points, titles and a few words that
 * slip into name lists. Words, not phrases; phrases are in PROTECTED_PHRASES.
 */
export const NEVER_NAME_WORDS: ReadonlySet<string> = new Set(
  lower(`
  Mum Mam Mom Mummy Mommy Mammy Dad Daddy Nan Nana Nanna Nanny Gran Granny Grandma Grandad
  Grandpa Grandmother Grandfather Auntie Aunty Aunt Uncle Bro Sis Bruv Babe Baby Sister Brother
  Cousin Mate Telly Sir Miss Madam Ma Pa Man He She So Name Era Else Sun Fan Hand Kin Junior General
  Little North South East West Golden Pink Sin Toy Judge Guru Naval Brain Block
  January February March April May June July August September October November December
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday
  Christmas Xmas Easter Eid Diwali Hanukkah Halloween Ramadan Bonfire Valentines Valentine
  Jesus God Allah Santa
  Xbox PlayStation Nintendo Switch Fortnite Minecraft Roblox FIFA Mario Luigi Zelda Sonic Kirby
  Pokemon Pokémon Pikachu Peppa Barbie Lego Marvel Disney Netflix YouTube TikTok Snapchat
  Instagram WhatsApp Facebook Spotify Google Alexa Siri Amazon Apple Samsung iPhone Android
  Tesla Mercedes Porsche Kia Nike Adidas Chanel Gucci Primark Tesco Asda Aldi Lidl Morrisons
  Sainsbury Sainsburys Greggs Nandos Costa Subway Argos Boots Currys Wetherspoons Specsavers
  McDonald McDonalds Maccies Maccy KFC Domino Dominos Hollister Superdrug Poundland Iceland
  Arsenal Everton Villa Spurs Wolves Celtic Rangers Liverpool Madrid Barcelona
  CAMHS CAMH NHS GP YOT IRO LAC CLA CiC CiCC PA SW DWP PIP ESA UCAS Ofsted Barnardo Barnardos
  NSPCC Childline Coram Connexions Jobcentre Brexit
  Discord Twitch Uber Deliveroo Vinted Depop Shein Asos Boohoo Pandora Bluey Zoom Pinterest Reddit
  Twitter BeReal Duolingo Kahoot ClassDojo Warzone GTA Valorant Overwatch Fifa iPad iPads MacBook
  Chromebook Kindle Fitbit Waitrose Costco Ikea Vodafone Oxfam Kooth YoungMinds DofE Airbnb
  Travelodge Wagamama Tiktok Youtube Whatsapp Snap Insta Xmas Eid Pontins Butlins Haribo Pringles
  Nutella Oreo Lidl Cadbury Cadburys Lynx Monzo Paypal PayPal Klarna Samsung Huawei Motorola Netflix
  Spotify Freeview Wifi WiFi Bluetooth Corona Covid Omicron Brexit Ukraine Gaza
  Lol Omg Tbh Idk Ngl Innit Gonna Wanna Gotta Cos Coz Cuz Pls Plz Thx Ty Bc Btw Imo Lmao Fr Bruh
  Im Ive Ill Id Dont Doesnt Didnt Cant Wont Wouldnt Couldnt Shouldnt Isnt Arent Wasnt Werent Thats
  Whats Theres Theyre Youre Hes Shes Lets Aint Havent Hasnt Yall Ok Okay Hiya Heya Yeah Yep Nah
  English Welsh Scottish Irish British Polish Muslim Christian Catholic Jewish Sikh Hindu
  Islam Christianity Hinduism Sikhism Judaism Buddhism
  Arabic Romanian Spanish French German Italian Portuguese Turkish Kurdish Somali Chinese Japanese
  Latin Cyrillic Greek Korean Vietnamese Urdu Punjabi Bengali Hindi Gujarati Tamil Russian Ukrainian Lithuanian Latvian
  Albanian Syrian Afghan Eritrean Sudanese Nigerian Ghanaian Jamaican Pakistani Indian American
  African European Asian Caribbean Bangladeshi Iranian Iraqi Yemeni Czech Slovak Hungarian Greek
  Snowdon Eryri Everest Gower Pembrokeshire
  Beyoncé Beyonce Pokédex Charizard Jordans Supervet Crocs Stanley Labubu Squishmallows Sylvanian
  Microsoft Outlook Gmail Hotmail Yahoo Skype Wikipedia Canva Sony Nokia Lenovo Matalan Wilko Smiggle
  Selfridges Harrods Decathlon Superdry Topshop Uniqlo Ryanair EasyJet Arriva Stagecoach Trainline
  Maths Science Geography History Art Drama PE RE GCSE GCSEs BTEC
  Mae Yn Yr Fy Gen Ein Eich Dw Dwi Rwy Rydw Roedd Oedd Bod Gyda Ac Wedi Hefyd Iawn Diolch Ddim Nid
  Mewn Pan Achos Ond Efo Nhw Chi Gofalwr Cartref Ysgol Gweithiwr Plant Pobl Angen Gwell Eisiau
  Cymraeg Cymru Saesneg Nadolig Pasg Fforwm Cyngor Senedd Westminster Parliament Nando
  Ionawr Chwefror Ebrill Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr
  Llun Mercher Iau Gwener Sadwrn Sul Lun Fercher Wener Fawrth
  Online Offline Wi-Fi WiFi Bluetooth Selfie Selfies Emoji Emojis Vape Vapes Vaping Meme Memes Lockdown Podcast Hoodie
  Hoodies Livestream Gamer Gamers Unfollow Screenshot Screenshots Groupchat Ringtone Playlist
`),
);

/** The 124 UK postcode areas (plus Crown dependencies): an outward code alone must start with one. */
export const POSTCODE_AREAS: ReadonlySet<string> = new Set(
  split(`
  AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC
  EH EN EX FK FY G GL GU HA HD HG HP HR HS HU HX IG IP IV KA KT KW KY L LA LD LE LL LN LS LU M ME
  MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST
  SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE GY JE IM
`),
);

/** Things shaped like an outward postcode that children mean as something else. */
export const NOT_POSTCODES: ReadonlySet<string> = new Set(split('E4 S4C N64 G4S HS2 CO2 NE1 SE7'));

/** Words that sit before "School", "Academy", "College"... without naming a particular one. */
export const GENERIC_SCHOOL_WORDS: ReadonlySet<string> = new Set(
  lower(`
  The A An My Our Your His Her Their This That New Old Big Local Nice Good Bad Best Worst Same Other
  Virtual Secondary Primary High Special Sunday Summer Holiday Boarding Driving Middle Private
  State Public Free Night Football Dance Drama Music Forest Home Hospital Catholic Church Faith
  Grammar Sixth Form Further Education Pupil Referral Upper Lower Junior Infant Nursery Art Film
  Police Military Medical Law Business Community Comprehensive Independent Residential Day Main
  Stage Acting Theatre Performing Arts Sports Cooking Beauty Hair Construction Mechanics
  University Open Online Sixth-Form Mainstream Alternative Provision Youth Local Village Town City
  Going Go Went Love Hate Like Started Starting Leaving Left In At To From Of And For With I We
`),
);

/** Words before "Road", "Lodge", "House", "Court"... that do not make a particular address. */
export const GENERIC_PLACE_WORDS: ReadonlySet<string> = new Set(
  lower(`
  The A An My Our Your His Her Their This That New Old Big Main High Back Front Side Same Other
  Family Crown Youth Magistrates County Supreme Food Car Theme Water Skate Trampoline Test Hard
  Milky No One Right Wrong Sure Market Town City Village Church Sports Dining Assembly Study Music
  Care Foster Group Nursing Residential Children's Childrens Kids Pizza Bounce Tree Play Dolls
  Haunted Glass Light Open Full Dream Big Brother Pet Petting Wind Animal Ski Hunting Safe Halfway
  Respite Supported Council Semi Detached Terraced Country Summer Holiday Beach Boarding White
  Opera Concert Leisure Youth Community Sports Bus Train Police Fire Court Going Go Went Love Hate
  Like Left In At To From Of And For With I We Lonely Empty Long Short Wrong Ring Road
`),
);

/** Words that follow "call me" or "my friend" without being a name. */
export const NOT_A_NICKNAME: ReadonlySet<string> = new Set(
  `a an the and or but so me you him her them us it that this back when if names stupid horrible
  nasty rude all every things stuff whenever please on at in to up out over later tomorrow today
  again now what by because cos lots loads mean bad weird different is was are were who which has
  had have will would can could should and too also never always just really very not as yet its
  against after before for from of with about than into there their they he she we i my your our his`.split(/\s+/),
);
