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
  Maths Science Geography History Art Drama PE RE GCSE GCSEs BTEC
  Mae Yn Yr Fy Gen Ein Eich Dw Dwi Rwy Rydw Roedd Oedd Bod Gyda Ac Wedi Hefyd Iawn Diolch Ddim Nid
  Mewn Pan Achos Ond Efo Nhw Chi Gofalwr Cartref Ysgol Gweithiwr Plant Pobl Angen Gwell Eisiau
  Cymraeg Cymru Saesneg Nadolig Pasg Fforwm Cyngor Senedd Westminster Parliament Nando
  Ionawr Chwefror Ebrill Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr
  Llun Mercher Iau Gwener Sadwrn Sul
  Online Offline Selfie Selfies Emoji Emojis Vape Vapes Vaping Meme Memes Lockdown Podcast Hoodie
  Hoodies Livestream Gamer Gamers Unfollow Screenshot Screenshots Groupchat Ringtone Playlist
`),
);

/**
 * Towns, cities and regions whose names are also people's names or look like them. A town never
 * identifies a child on its own. Councils add their own through `context.placeNames`.
 */
export const PLACE_NAMES: readonly string[] = `
  Reading Bath Chester Preston Lincoln Kendal Darlington Crawley Ashton Bradford Clifton Wells Hayes Sutton Bolton Burnley Carlisle Dudley Hastings Kingston Lancaster
  Luton Milton Norwich Oxford Brighton Derby Hull Leeds Cardiff Swansea Newport Wrexham
  Bangor Conwy Rhyl Neath Bridgend Caerphilly Merthyr Aberdeen Dundee Perth Stirling Inverness
  Glasgow Edinburgh Belfast Derry London Manchester Birmingham Liverpool Sheffield Bristol
  Nottingham Leicester Coventry Wolverhampton Walsall Sandwell Solihull Stoke Stafford Telford
  Shrewsbury Hereford Worcester Gloucester Cheltenham Swindon Salisbury Exeter Plymouth Truro
  Bournemouth Poole Southampton Portsmouth Winchester Guildford Woking Reigate Crawley Horsham
  Worthing Eastbourne Hove Lewes Dover Canterbury Margate Maidstone Ashford Medway Chatham Romford
  Croydon Bromley Enfield Barnet Harrow Ealing Hackney Camden Lambeth Lewisham Southwark Newham
  Hammersmith Islington Wandsworth Merton Haringey Hounslow Hillingdon Havering Redbridge Bexley
  Watford Luton Stevenage Hatfield Harlow Chelmsford Colchester Ipswich Cambridge Peterborough
  Northampton Kettering Corby Wellingborough Bedford Milton Keynes Aylesbury Slough Windsor
  Maidenhead Bracknell Wokingham Newbury Basingstoke Andover Taunton Yeovil Weston Wigan Bury
  Rochdale Oldham Stockport Tameside Trafford Salford Warrington Widnes Runcorn Crewe Macclesfield
  Blackburn Blackpool Lytham Morecambe Barrow Whitehaven Workington Penrith Durham Sunderland
  Gateshead Newcastle Middlesbrough Hartlepool Stockton Redcar Whitby Scarborough Harrogate York
  Selby Wakefield Huddersfield Halifax Keighley Dewsbury Batley Barnsley Rotherham Doncaster
  Grimsby Scunthorpe Skegness Boston Grantham Mansfield Chesterfield Worksop Buxton Matlock
  Burton Tamworth Nuneaton Rugby Warwick Leamington Redditch Kidderminster Bromsgrove Lichfield
  Cannock Norfolk Suffolk Essex Kent Surrey Sussex Devon Cornwall Dorset Somerset Wiltshire
  Yorkshire Lancashire Cheshire Cumbria Shropshire Staffordshire Midlands Wales Scotland England
  Ireland Britain Europe America Africa Asia Jamaica India Pakistan Poland Romania Nigeria
  Ghana Somalia Eritrea Syria Afghanistan Iraq Iran Albania Vietnam Sudan
  Benidorm Tenerife Ibiza Majorca Magaluf Spain France Turkey Greece Italy Portugal
  Hay Blaenau Ffestiniog St Albans St Helens St Ives St Andrews St Austell St Neots
  St Davids St Asaph Milton Keynes Stoke-on-Trent Newcastle-upon-Tyne
`
  .split(/\n/)
  .flatMap((line) => split(line));

/**
 * People and characters children mention who are not anyone they know: footballers, singers,
 * presenters, characters in books, films and TV. A name among these is about the famous one.
 */
export const FAMOUS_PEOPLE: readonly string[] = `
  Marcus Rashford|Raheem Sterling|Harry Kane|Bukayo Saka|Jude Bellingham|Declan Rice|Phil Foden
  Jack Grealish|Mo Salah|Mohamed Salah|Erling Haaland|Cristiano Ronaldo|Lionel Messi|Kylian Mbappe
  David Beckham|Wayne Rooney|Gareth Bale|Aaron Ramsey|Ben Davies|Kieffer Moore|Alun Wyn Jones
  Gareth Southgate|Lewis Hamilton|Simone Biles|Tom Daley|Emma Raducanu|Andy Murray|Serena Williams
  Usain Bolt|Mo Farah|Anthony Joshua|Tyson Fury|Dina Asher-Smith|Jessica Ennis|Ian Wright
  Harry Styles|Ed Sheeran|Taylor Swift|Billie Eilish|Dua Lipa|Stormzy|Central Cee
  Beyonce|Rihanna|Kendrick Lamar|Jay-Z|Kanye West|Eminem|Ariana Grande|Olivia Rodrigo
  Lewis Capaldi|Little Mix|One Direction|Sam Smith|Justin Bieber|Michael Jackson|Elvis|Tom Jones
  Ant and Dec|Ant McPartlin|Declan Donnelly|Mr Tumble|Justin Fletcher|Joe Wicks|Jamie Oliver
  Gordon Ramsay|David Attenborough|Greta Thunberg|Malala|KSI|MrBeast|Mr Beast|Sidemen
  Tracy Beaker|Jacqueline Wilson|Harry Potter|Hermione Granger|Ron Weasley|Dumbledore
  Voldemort|Hagrid|Privet Drive|Miss Trunchbull|Miss Honey|Roald Dahl|Willy Wonka
  Anne of Green Gables|Green Gables|Oliver Twist|Peter Pan|Paddington|Mr Bean|Mr Men
  Olaf|Moana|Shrek|Spider-Man|Spiderman|Batman|Superman|Iron Man|Captain America
  Hannah Montana|SpongeBob|Bart Simpson|Homer Simpson|Doctor Who|Sherlock|Bluey|Bing|Postman Pat
  Fireman Sam|Bob the Builder|Thomas the Tank Engine|Horrid Henry|Tinkerbell|Cinderella|Rapunzel
  Dumping Ground|Waterloo Road|Eden Project|Jeremy Kyle|Holly Willoughby|Phillip Schofield
  Kendrick|Elsa|Matilda|Percy Jackson|Zayn Malik|Mrs Brown's Boys|Cineworld
  Ronaldo|Messi|Neymar|Tom Holland|Zendaya|Sian Lloyd|Mrs Hinch|National Trust|Wales Today|Look North
  King Charles|Queen Elizabeth|Prince William|Prince Harry|Rishi Sunak|Boris Johnson|Keir Starmer
`
  .split(/[|\n]/)
  .map((s) => s.trim())
  .filter(Boolean);

/** Famous people, characters, brands and places with a person's name in them: never a child. */
export const PROTECTED_PHRASES: readonly string[] = [
  'Harry Potter',
  'Hermione Granger',
  'Taylor Swift',
  'Billie Eilish',
  'Ed Sheeran',
  'Marcus Rashford',
  'Lionel Messi',
  'Mo Salah',
  'Harry Kane',
  'Peppa Pig',
  'Mario Kart',
  'Burger King',
  'Jack Wills',
  'Ted Baker',
  'Harvey Nichols',
  'Marks and Spencer',
  'Marks & Spencer',
  'Martin Luther King',
  'Father Christmas',
  'Boxing Day',
  'New Year',
  "New Year's Eve",
  "Mother's Day",
  "Father's Day",
  'Bonfire Night',
  'Black Friday',
  'Call of Duty',
  'Grand Theft Auto',
  'Love Island',
  'Doctor Who',
  'Coronation Street',
  'Sesame Street',
  'Downing Street',
  'Wall Street',
  'High Street',
  'Main Street',
  'Main Road',
  'St John Ambulance',
  'Virtual School',
  'Who Cares Trust',
  'Citizens Advice',
  'Home Office',
  'Social Services',
  'Children in Care Council',
  'West Ham',
  'Aston Villa',
  'Crystal Palace',
  'Leeds United',
  'Manchester United',
  'Manchester City',
  'Man United',
  'Man City',
  'Sky Sports',
  'Royal Mail',
  'Prince William',
  'Prince Harry',
  'King Charles',
  'Santa Claus',
  'Young Minds',
  'YoungMinds',
  'Big Ben',
  'Big Mac',
  'Big Issue',
  'Little Chef',
  ...FAMOUS_PEOPLE,
  ...PLACE_NAMES.filter((p) => p.includes('-')),
  'St Albans',
  'St Helens',
  'St Ives',
  'St Andrews',
  'St Austell',
  'St Neots',
  'St Davids',
  'St Asaph',
  'Milton Keynes',
  'Barry Island',
  'Blaenau Ffestiniog',
  'Isle of Wight',
];

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
  had have will would can could should and too also never always just really very not`.split(/\s+/),
);
