// Famous people, characters, brands and places for the identifier check (identifiers.ts): words
// that look like a person's name or an address but are about someone or somewhere everyone knows,
// so never a child. Pure data; the council adds its own places through `context.placeNames`.
const split = (s: string): string[] => s.split(/\s+/).filter(Boolean);

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
  Michael Sheen|Niall Horan|Louis Tomlinson|Liam Payne|Sabrina Carpenter|Chappell Roan|Lady Gaga
  Bruno Mars|Travis Scott|Nicki Minaj|Cardi B|Katy Perry|Miley Cyrus|Selena Gomez|Charli XCX
  Chloe Kelly|Lucy Bronze|Mary Earps|Leah Williamson|Alessia Russo|Jess Fishlock|Sophie Ingle
  Louis Rees-Zammit|Sam Warburton|Leigh Halfpenny|George North|Shane Williams|Colin Jackson
  Geraint Thomas|Tanni Grey-Thompson|Jade Jones|Lauren Price|Joe Calzaghe|Rylan Clark|Stacey Dooley
  Stacey Solomon|Gemma Collins|Molly-Mae Hague|Tommy Fury|Maya Jama|Alison Hammond|Bradley Walsh
  Greg James|Rhod Gilbert|Ruth Jones|James Corden|Rob Brydon|Katherine Jenkins|Charlotte Church
  Aled Jones|Catherine Zeta-Jones|Anthony Hopkins|Luke Evans|Taron Egerton|Matthew Rhys
  Wednesday Addams|Harley Quinn|Peter Parker|Bruce Wayne|Clark Kent|Tony Stark|Ash Ketchum
  Winnie the Pooh|Christopher Robin|Sherlock Holmes|Bilbo Baggins|Katniss Everdeen|Greg Heffley
  Tom Gates|Jack Sparrow|Luke Skywalker|Darth Vader|Han Solo|Lilo and Stitch|Miss Piggy
`
  .split(/[|\n]/)
  .map((s) => s.trim())
  .filter(Boolean);

/** Days out, famous streets and buildings, which look like a home or an address. */
export const FAMOUS_PLACES: readonly string[] = `
  Alton Towers|Thorpe Park|Chessington|Legoland|Drayton Manor|Paultons Park|Oakwood|Folly Farm
  Flamingo Land|Longleat|Gulliver's World|Blackpool Tower|Hollywood|Bollywood|Abbey Road|Penny Lane
  Baker Street|Oxford Street|Regent Street|Park Lane|Old Kent Road|Fleet Street|Carnaby Street
  Albert Square|Ramsay Street|Brookside Close|Wisteria Lane|Portmeirion|Caerphilly Castle
  Conwy Castle|Cardiff Castle|Hampton Court|Windsor Castle|Blenheim Palace|Chatsworth House
  Kensington Palace|Buckingham Palace|Tower of London|Tower Bridge|Hyde Park|Bute Park|Roath Park
  Principality Stadium|Millennium Stadium|Wembley|Old Trafford|Anfield|Hogwarts|Narnia
  Yr Wyddfa|Cadair Idris|Ben Nevis|Brecon Beacons|Pen y Fan|Scafell Pike|Lake District
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
  ...FAMOUS_PLACES,
];
