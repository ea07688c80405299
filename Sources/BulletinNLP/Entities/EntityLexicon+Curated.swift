// Hand-written gazetteers of open, general knowledge (written for Bulletin; not derived
// from any annotated corpus). One entry a line, lowercase; multi-word entries are
// separated by single spaces exactly as the tokenizer splits them.

extension EntityLexicon {
    /// Places: countries' common short names, regions, former-Soviet republics and regions, cities.
    static let curatedPlaces = """
    u.s.
    us
    usa
    u.s.a.
    america
    united states
    united states of america
    britain
    great britain
    uk
    u.k.
    england
    scotland
    wales
    northern ireland
    ireland
    republic of ireland
    russia
    russian federation
    soviet union
    ussr
    chechnya
    chechnia
    ichkeria
    dagestan
    daghestan
    ingushetia
    north ossetia
    south ossetia
    ossetia
    abkhazia
    adjaria
    ajaria
    transdniester
    transdniestria
    trans-dniester
    transnistria
    pridnestrovie
    gagauzia
    moldova
    moldavia
    ukraine
    crimea
    belarus
    byelorussia
    belorussia
    kazakhstan
    kazakstan
    kyrgyzstan
    kirgizstan
    kirghizia
    uzbekistan
    tajikistan
    tadjikistan
    turkmenistan
    azerbaijan
    armenia
    georgia
    nagorno-karabakh
    karabakh
    nakhichevan
    tatarstan
    bashkortostan
    bashkiria
    kalmykia
    kabardino-balkaria
    karachaevo-cherkessia
    adygeya
    chukotka
    yakutia
    sakha
    primorye
    tuva
    buryatia
    udmurtia
    mordovia
    chuvashia
    siberia
    urals
    caucasus
    north caucasus
    transcaucasus
    baltics
    baltic states
    estonia
    latvia
    lithuania
    kaliningrad
    grozny
    gudermes
    urus-martan
    shali
    argun
    vedeno
    khasavyurt
    makhachkala
    nazran
    vladikavkaz
    nalchik
    tskhinvali
    sukhumi
    batumi
    tbilisi
    baku
    yerevan
    stepanakert
    kiev
    kyiv
    kharkiv
    kharkov
    odessa
    lviv
    donetsk
    dnepropetrovsk
    sevastopol
    simferopol
    minsk
    chisinau
    kishinev
    tiraspol
    bender
    bendery
    almaty
    alma-ata
    astana
    akmola
    tashkent
    samarkand
    bishkek
    osh
    dushanbe
    ashgabat
    ashkhabad
    riga
    tallinn
    vilnius
    moscow
    st. petersburg
    saint petersburg
    petersburg
    leningrad
    vladivostok
    murmansk
    novosibirsk
    yekaterinburg
    ekaterinburg
    nizhny novgorod
    volgograd
    rostov
    rostov-on-don
    krasnodar
    stavropol
    mozdok
    kosovo
    bosnia
    herzegovina
    bosnia-herzegovina
    bosnia and herzegovina
    serbia
    montenegro
    yugoslavia
    croatia
    slovenia
    macedonia
    sarajevo
    belgrade
    pristina
    zagreb
    srebrenica
    mostar
    west bank
    gaza
    gaza strip
    golan heights
    golan
    israel
    jerusalem
    tel aviv
    middle east
    near east
    far east
    europe
    western europe
    eastern europe
    central europe
    asia
    central asia
    east asia
    south asia
    southeast asia
    south-east asia
    asia-pacific
    africa
    north africa
    south africa
    west africa
    east africa
    latin america
    south america
    north america
    central america
    caribbean
    balkans
    balkan
    balkan peninsula
    transcaucasia
    slavonia
    eastern slavonia
    krajina
    transylvania
    anatolia
    indochina
    maghreb
    benelux
    eurasia
    polynesia
    horn of africa
    scandinavia
    persian gulf
    gulf
    pacific
    atlantic
    mediterranean
    black sea
    caspian
    caspian sea
    dniester
    dnieper
    dniestr
    volga
    danube
    prut
    amu darya
    syr darya
    terek
    baltic sea
    baltic
    arctic
    antarctica
    hong kong
    taiwan
    tibet
    kashmir
    kurdistan
    chechen republic
    washington
    new york
    los angeles
    london
    paris
    berlin
    bonn
    brussels
    beijing
    tokyo
    kabul
    tehran
    baghdad
    ankara
    istanbul
    warsaw
    prague
    budapest
    bucharest
    sofia
    vienna
    geneva
    rome
    madrid
    lisbon
    athens
    oslo
    stockholm
    helsinki
    copenhagen
    amsterdam
    the hague
    strasbourg
    luxembourg
    cairo
    damascus
    beirut
    amman
    riyadh
    islamabad
    new delhi
    delhi
    bombay
    mumbai
    karachi
    seoul
    pyongyang
    manila
    jakarta
    bangkok
    hanoi
    singapore
    sydney
    melbourne
    canberra
    ottawa
    toronto
    montreal
    mexico city
    havana
    brasilia
    buenos aires
    santiago
    lima
    bogota
    caracas
    johannesburg
    pretoria
    nairobi
    lagos
    kinshasa
    algiers
    tunis
    tripoli
    khartoum
    addis ababa
    mogadishu
    kigali
    harare
    chechen capital
    wall street
    downing street
    capitol hill
    silicon valley
    west
    east
    burma
    rangoon
    yangon
    ala.
    ariz.
    ark.
    calif.
    colo.
    conn.
    del.
    fla.
    ga.
    ill.
    ind.
    kan.
    kans.
    ky.
    la.
    md.
    mass.
    mich.
    minn.
    miss.
    mo.
    mont.
    neb.
    nev.
    n.h.
    n.j.
    n.m.
    n.y.
    n.c.
    n.d.
    okla.
    ore.
    pa.
    r.i.
    s.c.
    s.d.
    tenn.
    tex.
    vt.
    va.
    wash.
    w.va.
    wis.
    wyo.
    d.c.
    netherlands
    the netherlands
    holland
    czech republic
    slovak republic
    south korea
    north korea
    ivory coast
    west indies
    midwest
    middle west
    new england
    west germany
    east germany
    bedfordshire
    berkshire
    buckinghamshire
    cambridgeshire
    cheshire
    cornwall
    cumbria
    derbyshire
    devon
    dorset
    durham
    essex
    glamorgan
    gloucestershire
    hampshire
    herefordshire
    hertfordshire
    kent
    lancashire
    leicestershire
    lincolnshire
    middlesex
    norfolk
    northamptonshire
    northumberland
    nottinghamshire
    oxfordshire
    shropshire
    somerset
    staffordshire
    suffolk
    surrey
    sussex
    warwickshire
    wiltshire
    worcestershire
    yorkshire
    ulster
    bavaria
    catalonia
    andalusia
    basque country
    corsica
    sicily
    sardinia
    lombardy
    tuscany
    flanders
    wallonia
    quebec
    ontario
    british columbia
    alberta
    punjab
    kurdistan
    mindanao
    east timor
    borneo
    sumatra
    java
    bali
    """

    /// Organisations: international bodies, post-Soviet institutions, parties, agencies, firms, media.
    static let curatedOrganizations = """
    nato
    north atlantic treaty organisation
    north atlantic treaty organization
    osce
    organisation for security and cooperation in europe
    organization for security and cooperation in europe
    organisation for security and co-operation in europe
    organization for security and co-operation in europe
    cis
    commonwealth of independent states
    un
    u.n.
    united nations
    un security council
    security council
    general assembly
    eu
    e.u.
    european union
    european commission
    european parliament
    council of europe
    european court of human rights
    fsb
    federal security service
    kgb
    svr
    gru
    mvd
    fso
    interior ministry
    defence ministry
    defense ministry
    foreign ministry
    duma
    state duma
    federation council
    kremlin
    gazprom
    lukoil
    yukos
    rosneft
    transneft
    sibneft
    surgutneftegaz
    rao ues
    unified energy systems
    aeroflot
    sberbank
    vneshtorgbank
    media-most
    ntv
    ort
    rtr
    itar-tass
    tass
    interfax
    ria
    ria novosti
    novosti
    izvestia
    pravda
    kommersant
    nezavisimaya gazeta
    segodnya
    moscow times
    rossiiskaya gazeta
    komsomolskaya pravda
    moskovsky komsomolets
    moskovskiye novosti
    argumenty i fakty
    novaya gazeta
    obshchaya gazeta
    literaturnaya gazeta
    krasnaya zvezda
    sovetskaya rossiya
    vremya novostei
    vedomosti
    rosvooruzhenie
    promexport
    rosenergoatom
    reuters
    ap
    afp
    associated press
    agence france-presse
    bbc
    cnn
    nbc
    cbs
    abc
    new york times
    washington post
    wall street journal
    financial times
    the economist
    imf
    international monetary fund
    world bank
    wto
    world trade organisation
    world trade organization
    gatt
    opec
    oecd
    g7
    g8
    group of seven
    group of eight
    unesco
    unicef
    unhcr
    iaea
    interpol
    red cross
    icrc
    international committee of the red cross
    amnesty international
    human rights watch
    memorial
    greenpeace
    medecins sans frontieres
    hamas
    hezbollah
    hizbollah
    plo
    ira
    sinn fein
    taleban
    taliban
    al qaeda
    kla
    nasa
    fbi
    cia
    nsa
    pentagon
    congress
    senate
    house of representatives
    supreme court
    white house
    state department
    bundesbank
    federal reserve
    fed
    bank of england
    bank of japan
    ecb
    european central bank
    nasdaq
    nyse
    new york stock exchange
    london stock exchange
    labour
    labour party
    conservative party
    tories
    liberal democrats
    communist party
    communists
    yabloko
    unity
    fatherland
    fatherland-all russia
    our home is russia
    ldpr
    liberal democratic party
    union of right forces
    rukh
    popular front
    microsoft
    ibm
    intel
    apple
    boeing
    airbus
    general motors
    general electric
    ford
    chrysler
    toyota
    nissan
    honda
    sony
    siemens
    shell
    royal dutch shell
    bp
    british petroleum
    exxon
    mobil
    chevron
    texaco
    daimler-benz
    daimlerchrysler
    volkswagen
    bmw
    fiat
    renault
    peugeot
    nestle
    philips
    motorola
    at&t
    nokia
    ericsson
    deutsche bank
    barclays
    hsbc
    citibank
    citicorp
    j.p. morgan
    jp morgan
    goldman sachs
    merrill lynch
    morgan stanley
    moody's
    standard & poor's
    xinhua
    kyodo
    anc
    fifa
    uefa
    ioc
    nba
    nfl
    nhl
    asean
    apec
    mercosur
    nafta
    arab league
    african union
    organisation of african unity
    organization of african unity
    oau
    gulf cooperation council
    pirelli
    hyundai
    samsung
    daewoo
    lg
    kia
    mitsubishi
    mitsui
    sumitomo
    hitachi
    toshiba
    fujitsu
    nec
    panasonic
    matsushita
    canon
    nikon
    mazda
    suzuki
    yamaha
    air france
    lufthansa
    british airways
    klm
    alitalia
    iberia
    swissair
    sabena
    sas
    qantas
    cathay pacific
    singapore airlines
    american airlines
    united airlines
    delta
    continental airlines
    northwest airlines
    usair
    twa
    american express
    visa
    mastercard
    coca-cola
    pepsico
    pepsi
    mcdonald's
    procter & gamble
    unilever
    philip morris
    rjr nabisco
    kodak
    eastman kodak
    xerox
    hewlett-packard
    compaq
    dell
    digital equipment
    oracle
    netscape
    sun microsystems
    cisco
    novell
    lotus
    texas instruments
    lockheed martin
    mcdonnell douglas
    northrop grumman
    raytheon
    british aerospace
    rolls-royce
    gec
    british telecom
    bt
    vodafone
    deutsche telekom
    france telecom
    telefonica
    alcatel
    thomson
    elf aquitaine
    elf
    total
    eni
    agip
    repsol
    statoil
    norsk hydro
    petrobras
    pemex
    aramco
    saudi aramco
    de beers
    anglo american
    rio tinto
    bhp
    nomura
    daiwa
    nikko
    ubs
    credit suisse
    swiss bank
    abn amro
    ing
    rabobank
    societe generale
    bnp
    credit lyonnais
    paribas
    axa
    allianz
    commerzbank
    dresdner bank
    dresdner
    lloyds
    natwest
    midland bank
    standard chartered
    chase manhattan
    chemical bank
    bankamerica
    bank of america
    salomon brothers
    lehman brothers
    bear stearns
    paine webber
    smith barney
    prudential
    aig
    berkshire hathaway
    wal-mart
    sears
    kmart
    disney
    walt disney
    time warner
    viacom
    news corp
    cbs inc
    bertelsmann
    reuters holdings
    bloomberg
    dow jones
    moody's investors service
    s&p
    standard & poor's
    fiat spa
    olivetti
    benetton
    nestle sa
    roche
    novartis
    ciba-geigy
    sandoz
    glaxo
    glaxo wellcome
    smithkline beecham
    zeneca
    pfizer
    merck
    bayer
    basf
    hoechst
    dupont
    dow chemical
    monsanto
    volvo
    saab
    scania
    electrolux
    ikea
    abb
    asea brown boveri
    daimler
    mercedes
    mercedes-benz
    porsche
    audi
    opel
    vauxhall
    jaguar
    rover
    lada
    avtovaz
    gaz
    kamaz
    norilsk nickel
    alrosa
    mts
    rostelecom
    svyazinvest
    menatep
    oneximbank
    inkombank
    alfa bank
    most bank
    logovaz
    unilever plc
    tata
    reliance
    infosys
    petronas
    proton
    nymex
    comex
    cbot
    liffe
    matif
    manchester united
    manchester city
    aston villa
    tottenham
    tottenham hotspur
    arsenal
    everton
    chelsea
    celtic
    rangers
    real madrid
    atletico madrid
    bayern munich
    juventus
    ac milan
    inter milan
    ajax
    psv
    psv eindhoven
    feyenoord
    benfica
    porto
    galatasaray
    fenerbahce
    spartak moscow
    cska moscow
    dynamo kiev
    dynamo moscow
    lokomotiv moscow
    yankees
    new york yankees
    red sox
    boston red sox
    orioles
    baltimore orioles
    blue jays
    toronto blue jays
    white sox
    chicago white sox
    mets
    new york mets
    braves
    atlanta braves
    dodgers
    los angeles dodgers
    cubs
    chicago cubs
    phillies
    expos
    marlins
    astros
    pirates
    padres
    mariners
    brewers
    twins
    royals
    athletics
    """

    /// Miscellaneous proper names: nationalities, demonyms, religions, events, languages.
    static let curatedMiscellaneous = """
    russian
    russians
    soviet
    soviets
    american
    americans
    british
    briton
    britons
    english
    englishman
    scottish
    scot
    scots
    welsh
    irish
    french
    frenchman
    german
    germans
    italian
    italians
    spanish
    spaniard
    portuguese
    dutch
    belgian
    swiss
    austrian
    swedish
    swede
    norwegian
    danish
    dane
    finnish
    finn
    icelandic
    polish
    pole
    poles
    czech
    czechs
    slovak
    hungarian
    romanian
    bulgarian
    greek
    greeks
    turkish
    turk
    turks
    cypriot
    serb
    serbs
    serbian
    croat
    croats
    croatian
    bosnian
    bosnians
    slovene
    slovenian
    albanian
    albanians
    macedonian
    montenegrin
    kosovar
    ukrainian
    ukrainians
    belarusian
    belarussian
    byelorussian
    moldovan
    moldovans
    moldavian
    romanian
    estonian
    latvian
    lithuanian
    georgian
    georgians
    armenian
    armenians
    azeri
    azeris
    azerbaijani
    kazakh
    kazakhs
    kazakhstani
    uzbek
    uzbeks
    tajik
    tajiks
    turkmen
    kyrgyz
    kirgiz
    chechen
    chechens
    dagestani
    dagestanis
    ingush
    ossetian
    ossetians
    abkhaz
    abkhazian
    tatar
    tatars
    bashkir
    cossack
    cossacks
    slav
    slavs
    slavic
    caucasian
    chinese
    japanese
    korean
    koreans
    vietnamese
    thai
    indonesian
    malaysian
    filipino
    indian
    indians
    pakistani
    pakistanis
    afghan
    afghans
    iranian
    iranians
    iraqi
    iraqis
    kurd
    kurds
    kurdish
    syrian
    lebanese
    jordanian
    saudi
    saudis
    egyptian
    egyptians
    libyan
    algerian
    moroccan
    tunisian
    israeli
    israelis
    palestinian
    palestinians
    arab
    arabs
    arabic
    african
    africans
    nigerian
    kenyan
    south african
    zimbabwean
    rwandan
    somali
    ethiopian
    sudanese
    canadian
    canadians
    mexican
    mexicans
    brazilian
    argentine
    argentinian
    chilean
    colombian
    peruvian
    venezuelan
    cuban
    cubans
    australian
    australians
    new zealander
    european
    europeans
    asian
    asians
    latin american
    scandinavian
    baltic
    western
    westerner
    westerners
    muslim
    muslims
    moslem
    moslems
    islamic
    islam
    christian
    christians
    christianity
    catholic
    catholics
    roman catholic
    protestant
    protestants
    orthodox
    russian orthodox
    jewish
    jew
    jews
    hindu
    hindus
    sikh
    sikhs
    buddhist
    sunni
    shi'ite
    shiite
    shia
    wahhabi
    wahhabis
    wahhabism
    bolshevik
    bolsheviks
    communist
    marxist
    leninist
    stalinist
    cold war
    world war
    world war one
    world war two
    world war ii
    second world war
    first world war
    world cup
    olympics
    olympic
    olympic games
    euro 96
    super bowl
    tour de france
    grand prix
    nobel
    nobel prize
    ramadan
    christmas
    easter
    internet
    east-west
    kurdish
    sudanese
    south korean
    north korean
    south african
    west indian
    west german
    east german
    latin
    hispanic
    serbo-croat
    u.s. open
    french open
    australian open
    british open
    us open
    world series
    pga tour
    american league
    national league
    major league
    premier league
    champions league
    uefa cup
    cup winners' cup
    davis cup
    ryder cup
    fed cup
    stanley cup
    fa cup
    wimbledon
    euro 96
    european championship
    european championships
    world championships
    commonwealth games
    asian games
    paralympics
    gulf war
    vietnam war
    korean war
    holocaust
    dayton
    dayton accord
    dayton accords
    """

    /// Titles that may precede a person's name; they become the span's role.
    static let personTitles: Set<String> = [
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "president", "chancellor", "minister", "premier",
        "general", "gen.", "colonel", "col.", "lieutenant", "lt.", "major", "maj.", "captain", "capt.", "sergeant",
        "admiral", "marshal", "commander", "secretary", "secretary-general", "senator", "sen.", "rep.", "representative",
        "congressman", "congresswoman", "governor", "gov.", "judge", "justice", "king", "queen", "prince", "princess",
        "pope", "sheikh", "emir", "ayatollah", "mayor", "ambassador", "envoy", "chairman", "chairwoman", "speaker",
        "spokesman", "spokeswoman", "coach", "sir", "lord", "lady", "dame", "professor", "prof.", "father", "rev.",
        "reverend", "bishop", "archbishop", "cardinal", "patriarch", "metropolitan", "mufti", "imam", "rabbi",
        "prosecutor", "attorney", "chief", "director", "commissioner", "ombudsman", "field", "warlord", "rebel",
        "presidents", "ministers", "generals", "messrs", "messrs.", "st.", "saint", "tsar", "czar", "dictator",
        "striker", "midfielder", "defender", "goalkeeper", "captain", "skipper", "manager", "champion",
        "vice-president", "vice-premier", "deputy", "vice", "acting", "foreign", "defence", "defense", "interior",
        "finance", "economy", "economics", "trade", "justice", "energy", "fuel", "agriculture", "health", "labour",
        "prime", "first", "former", "ex", "state", "security", "national", "army", "air", "naval", "colonel-general",
        "lieutenant-general", "major-general", "brigadier", "brigadier-general", "sergeant-major", "chief-of-staff",
    ]

    /// Title words that can stand last in a title and directly precede a name.
    static let personTitleHeads: Set<String> = [
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "president", "chancellor", "minister", "premier",
        "general", "gen.", "colonel", "col.", "lieutenant", "lt.", "major", "maj.", "captain", "capt.", "sergeant",
        "admiral", "marshal", "commander", "secretary", "secretary-general", "senator", "sen.", "rep.",
        "representative", "congressman", "congresswoman", "governor", "gov.", "judge", "justice", "king", "queen",
        "prince", "princess", "pope", "sheikh", "emir", "ayatollah", "mayor", "ambassador", "envoy", "chairman",
        "chairwoman", "speaker", "spokesman", "spokeswoman", "coach", "sir", "lord", "lady", "dame", "professor",
        "prof.", "father", "rev.", "reverend", "bishop", "archbishop", "cardinal", "patriarch", "metropolitan",
        "mufti", "imam", "rabbi", "prosecutor", "commissioner", "ombudsman", "presidents", "ministers", "messrs",
        "messrs.", "tsar", "czar", "striker", "midfielder", "defender", "goalkeeper", "skipper", "manager",
        "vice-president", "vice-premier", "colonel-general", "lieutenant-general", "major-general", "brigadier",
        "brigadier-general", "sergeant-major", "warlord", "dictator", "director", "attorney",
    ]

    /// Last words that make a capitalised phrase an organisation.
    static let organizationSuffixes: Set<String> = [
        "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd", "ltd.", "plc", "llc", "ag", "sa", "nv", "bv",
        "gmbh", "group", "holdings", "holding", "company", "companies", "bank", "ministry", "party", "council",
        "committee", "commission", "union", "association", "federation", "agency", "service", "services", "institute",
        "university", "college", "school", "academy", "foundation", "fund", "organisation", "organization",
        "club", "fc", "united", "rovers", "wanderers", "athletic", "albion", "hotspur", "bancorp", "bancshares", "airlines", "airlines", "airways",
        "railways", "motors", "industries", "enterprises", "systems", "technologies", "telecom", "communications",
        "petroleum", "oil", "energy", "mining", "steel", "chemicals", "pharmaceuticals", "insurance", "securities",
        "investments", "partners", "exchange", "board", "office", "department", "court", "tribunal", "assembly",
        "parliament", "senate", "congress", "cabinet", "government", "administration", "authority", "directorate",
        "army", "navy", "force", "command", "brigade", "battalion", "regiment", "division", "front", "movement", "alliance",
        "coalition", "bloc", "fleet", "flotilla", "squadron", "church", "patriarchate", "times", "post", "journal", "herald", "tribune", "gazeta",
        "gazette", "news", "press", "television", "radio", "broadcasting", "network", "newspaper", "magazine",
        "review", "weekly", "daily", "monitor", "mission", "observatory", "centre", "center", "society", "trust",
        "consortium", "cooperative", "newsroom", "desk", "chamber", "guard", "police", "militia", "forces", "troops", "brothers", "bros",
        "bros.", "international", "worldwide", "media", "airline", "tv", "stores", "foods", "mills", "electric",
        "power", "resources", "capital", "financial", "entertainment", "pictures", "records", "labs", "laboratories",
    ]

    /// Last words that make a capitalised phrase a miscellaneous name (events, competitions, awards).
    static let miscellaneousSuffixes: Set<String> = [
        "open", "cup", "games", "championship", "championships", "trophy", "series", "classic", "masters",
        "olympics", "marathon", "tour", "award", "awards", "prize", "war", "accord", "accords", "treaty", "league",
        "division", "conference", "festival", "grand", "prix", "rally", "derby", "stakes", "bowl", "doctrine",
        "plan", "act", "charter", "convention", "protocol", "declaration", "revolution", "uprising", "summit",
    ]

    /// Words before "of" that make the next capitalised name a place ("city of Arbil").
    static let placeNouns: Set<String> = [
        "city", "town", "village", "province", "region", "district", "republic", "island", "state", "capital",
        "port", "suburb", "outskirts", "area", "county", "municipality", "settlement", "enclave", "territory",
    ]

    /// Sport words that open a wire headline ("SOCCER - ...") and so mark a sports story.
    static let sportWords: Set<String> = [
        "soccer", "football", "cricket", "rugby", "baseball", "basketball", "hockey", "ice", "tennis", "golf",
        "athletics", "cycling", "boxing", "motor", "motorcycling", "formula", "nfl", "nba", "nhl", "volleyball",
        "handball", "sport", "sports", "racing", "horse", "swimming", "skiing", "rowing", "sailing", "yachting",
        "badminton", "squash", "snooker", "darts", "olympics", "baseball-", "alpine", "nordic", "triathlon",
    ]

    /// Words heading an organisation before "of" ("Bank of England", "Ministry of Defence").
    static let organizationHeadsBeforeOf: Set<String> = [
        "bank", "ministry", "university", "council", "department", "institute", "association", "federation", "union",
        "organisation", "organization", "commission", "court", "church", "league", "party", "board", "office",
        "committee", "chamber", "academy", "school", "college", "museum", "bureau", "agency", "service", "society",
        "house", "army", "front", "movement", "congress", "parliament", "assembly", "order", "federal", "fund",
        "supreme", "central", "national", "people's", "commonwealth", "corporation",
    ]

    /// Company-form abbreviations, never a name alone.
    static let companyAbbreviations: Set<String> = [
        "inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "plc", "llc", "ag", "sa", "nv", "bv", "gmbh",
    ]

    /// Words heading a place before "of" ("Gulf of Finland", "Republic of Ireland").
    static let placeHeadsBeforeOf: Set<String> = [
        "gulf", "bay", "isle", "isles", "cape", "sea", "strait", "straits", "lake", "republic", "kingdom", "state",
        "city", "province", "region", "district", "island", "islands", "port", "mount", "valley", "duchy",
    ]

    /// Last words that make a capitalised phrase a place.
    static let placeSuffixes: Set<String> = [
        "river", "mountains", "mountain", "mount", "mt.", "lake", "sea", "ocean", "bay", "gulf", "island", "islands",
        "valley", "province", "region", "oblast", "krai", "kray", "republic", "street", "avenue", "road", "square",
        "bridge", "airport", "peninsula", "strait", "desert", "coast", "basin", "hills", "heights", "district",
        "county", "state", "city", "stadium", "wells", "springs", "falls", "beach", "harbour", "harbor", "park", "canal", "pass", "gorge", "plateau", "highlands",
    ]

    /// Particles allowed inside a person's or place's name ("de", "van", "bin").
    static let nameParticles: Set<String> = [
        "de", "van", "von", "der", "den", "da", "di", "del", "della", "du", "la", "le", "bin", "ibn", "al", "el",
        "ter", "dos", "das", "y", "abu", "ben",
    ]

    /// Capitalised words that are never an entity on their own.
    static let nonEntityWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "jan.", "feb.",
        "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "i", "mr", "mr.",
        "mrs", "mrs.", "ms", "dr", "dr.", "am", "pm", "a.m.", "p.m.", "tv", "ok", "o.k.", "ii", "iii", "iv",
        "god", "the", "a", "an", "and", "or", "of", "but", "if", "when", "despite", "yet", "even", "indeed",
        "however", "moreover", "meanwhile", "also", "top", "what", "that", "this", "these", "those", "there",
        "here", "it", "he", "she", "they", "we", "you", "his", "her", "their", "our", "its", "as", "at", "in",
        "on", "for", "by", "with", "from", "to", "after", "before", "while", "since", "until", "although",
        "though", "because", "so", "then", "now", "today", "yesterday", "tomorrow", "tonight", "no", "not",
        "all", "some", "many", "most", "more", "other", "another", "such", "both", "each", "every", "any",
        "one", "two", "three", "new", "first", "last", "next", "former", "acting", "prime", "minister",
        "president", "chairman", "secretary", "general", "colonel", "governor", "senator", "premier",
        "vice", "deputy", "spokesman", "official", "officials", "government", "state", "republic",
        "mps", "ceo", "gmt", "est", "edt", "cet", "p.c.", "pct", "a.d.", "b.c.",
    ]

    /// Reporting verbs after or before which a name is a person ("said Ivashov", "Kadyrov told").
    static let reportingVerbs: Set<String> = [
        "said", "says", "told", "added", "stated", "declared", "warned", "noted", "argued", "insisted", "claimed",
        "announced", "admitted", "asked", "replied", "explained", "stressed", "suggested", "wrote", "believes",
        "thinks", "denied", "acknowledged", "urged", "signaled", "signalled", "allowed", "complained", "confirmed",
        "accused", "praised", "criticised", "criticized", "promised", "vowed", "pledged", "met", "visited",
    ]

    /// Words after a name that mark it as a company or body ("Magna shareholders", "Cofinec chairman").
    static let organizationContextAfter: Set<String> = [
        "shares", "stock", "stake", "unit", "units", "subsidiary", "subsidiaries", "chairman", "spokesman",
        "spokeswoman", "shareholders", "shareholder", "executives", "board", "employees", "workers", "plant",
        "plants", "factory", "headquarters", "management", "stores", "branches", "bonds", "earnings", "profit",
        "profits", "revenue", "revenues", "sales", "executive", "ceo", "news", "agency", "newspaper", "daily",
        "weekly", "radio", "television", "magazine",
    ]

    /// Nouns that, in an apposition after a name ("Rosvooruzhenie, the state arms exporter,"), say it
    /// names an organisation.
    static let organizationAppositives: Set<String> = [
        "company", "firm", "exporter", "importer", "producer", "maker", "manufacturer", "agency", "newspaper", "daily",
        "weekly", "magazine", "bank", "concern", "corporation", "monopoly", "conglomerate", "operator", "broker",
        "carrier", "airline", "utility", "ministry", "party", "organization", "organisation", "association", "fund",
        "broadcaster", "publisher", "consortium", "retailer", "distributor", "supplier", "lender", "insurer", "refiner",
        "subsidiary", "affiliate", "holding", "exchange",
    ]

    /// First words that make the capitalised words after them a broadcaster's or a bank's name
    /// ("Radio Liberty", "Bank Menatep"), even at the start of a sentence.
    static let organizationLeads: Set<String> = ["radio", "bank", "television", "tv"]

    /// Words before "of"/"in"/"for" + name that mark the name as a company ("a stake in Ruch").
    static let organizationContextBefore: Set<String> = [
        "stake", "shares", "share", "unit", "subsidiary", "bid", "takeover", "acquisition", "offer", "control",
        "chairman", "president", "spokesman", "spokeswoman", "shareholders", "owner", "parent", "merger",
        "division", "affiliate", "employees", "executive", "director",
    ]

    /// Places whose names are also adjectives ("the Caspian", "Caspian oil"): before a common noun they
    /// describe it, and are not the place.
    static let placeAdjectives: Set<String> = [
        "caspian", "baltic", "arctic", "antarctic", "pacific", "atlantic", "mediterranean", "caribbean", "adriatic", "aegean",
    ]

    /// Verbs a place's name may be the subject of ("the Caspian is"): lower case after it, but no noun it describes.
    static let linkingVerbs: Set<String> = [
        "is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "should", "can", "remained", "remains",
        "became", "becomes", "lies",
    ]

    /// Endings of Slavic and Caucasian surnames ("Kvashnin", "Maskhadov", "Shevardnadze"): a capitalised word
    /// nothing else types is a person only when it ends so.
    static let surnameEndings = [
        "ov", "ova", "ev", "eva", "in", "ina", "enko", "uk", "sky", "skiy", "ski", "yan", "dze", "shvili", "vich",
    ]

    /// Endings of Russian adjectives as transliterated ("Nezavisimaya", "Sovetskaya", "Nezavisimoye"), which open
    /// the names of newspapers and bodies ("Sovetskaya Rossiya", "Obshchaya Gazeta"), never a person's.
    static let russianAdjectiveEndings = [
        "naya", "chaya", "shaya", "skaya", "vaya", "imaya", "noye", "skoye", "imoye", "niye", "skiye", "nyye",
    ]

    /// Endings of Russian masculine adjectives as transliterated ("Moskovsky", "Russky"): before another
    /// capitalised word ("Moskovsky Komsomolets") they open a newspaper's or a body's name, since a person's
    /// name puts a "-sky" surname last.
    static let russianMasculineAdjectiveEndings = ["sky", "skiy", "skii", "skoy", "skoi"]

    /// Regions no club or national side is named after ("the Balkan country", "Real Madrid's Balkan strike
    /// force"): in sports copy they stay places, as countries do.
    static let teamlessRegions: Set<String> = [
        "balkan", "balkans", "caucasus", "north caucasus", "transcaucasia", "baltics", "baltic states", "middle east",
        "far east", "central asia", "southeast asia", "south-east asia", "persian gulf", "indochina", "maghreb",
    ]

    /// Prepositions after which an unknown capitalised name is likely a place.
    static let placePrepositions: Set<String> = [
        "in", "near", "outside", "across", "around", "throughout", "to", "from", "via", "into", "towards", "toward",
    ]
}
