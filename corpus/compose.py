#!/usr/bin/python3
"""Compose the synthetic part of revtag's embedded corpus.

Writes corpus/src/composed.jsonl: records with "origin": "composed", ids c-0001...,
assembled from the sentence banks in this file (per policy area, approach, theme,
study type and method, finding and place) with a fixed seed, so every run gives
the same output.  Labels are derived from the sentences actually used: a theme
label only when a sentence about that theme is in the abstract, a country label
only for the places named, a policy area or approach only when the text
describes it.  Standard library only:

  /usr/bin/python3 corpus/compose.py

Bank syntax: "[a|b|c]" picks one alternative, "{key}" is filled from the record's
context (a list value is a fresh random pick each time it is used).
"""

import json
import os
import random
import re

SEED = 20240917
N_TOTAL = 1420
N_OTHER = {"fr": 26, "es": 28, "pt": 18, "de": 16, "nl": 14}
MAX_OVERLAP = 0.30        # composed records stay well below build.py's 0.5
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "src", "composed.jsonl")

# ====================================================================== engine

ALT = re.compile(r"\[([^\[\]]*)\]")
FIL = re.compile(r"\{(\w+)\}")


class Missing(Exception):
    """A template used a context key this record does not have."""


def expand(text, ctx, rng, sentence=True):
    """Expand alternatives and fillers until none are left; a sentence gets a
    capital first letter, a fragment (sentence=False) is left as it is."""
    for _ in range(8):
        m = ALT.search(text)
        while m:
            text = text[:m.start()] + rng.choice(m.group(1).split("|")) + text[m.end():]
            m = ALT.search(text)
        if "{" not in text:
            break

        def fill(m):
            key = m.group(1)
            if key not in ctx or ctx[key] is None:
                raise Missing(key)
            v = ctx[key]
            if callable(v):
                return v()
            if isinstance(v, (list, tuple)):
                return rng.choice(v)
            return str(v)
        text = FIL.sub(fill, text)
    return tidy(text, sentence)


def frag(text, rng, ctx=None):
    return expand(text, ctx or {}, rng, sentence=False)


def tidy(text, sentence=True):
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r" ([,.;:?!)])", r"\1", text)
    text = re.sub(r"\( ", "(", text)
    text = re.sub(r",,", ",", text)
    text = re.sub(r"\b([Aa]) (HIV|NGO|NHS|IPS|RBF|NEET|LMIC|MST|8|11|18)\b", r"\1n \2", text)
    text = re.sub(r"\b([Aa])n (UK|US|Ug|Ur|Eu|one)", r"\1 \2", text)
    return cap(text) if sentence else text


def cap(s):
    return s[:1].upper() + s[1:] if s else s


def art(phrase):
    """Indefinite article for an English noun phrase."""
    w = phrase.split()[0] if phrase else ""
    if w[:2] in ("Ug", "Ur", "Uk", "US", "UK", "Eu", "eu") or w[:3] in ("uni", "Uni", "use", "usu"):
        return "a " + phrase
    if w[:3] in ("One", "one"):
        return "a " + phrase
    if w[:1] in "AEIOUaeiou" or w in ("NGO", "NHS", "RBF", "SIB", "MST", "HIV", "NEET", "LMIC"):
        return "an " + phrase
    return "a " + phrase


def pick(rng, weighted):
    """Pick from a dict {item: weight} or a list of (item, weight)."""
    items = list(weighted.items()) if isinstance(weighted, dict) else list(weighted)
    total = sum(w for _, w in items)
    r = rng.random() * total
    for item, w in items:
        r -= w
        if r <= 0:
            return item
    return items[-1][0]


def sample(rng, weighted, k):
    """k distinct picks from {item: weight}."""
    pool = dict(weighted)
    out = []
    while pool and len(out) < k:
        x = pick(rng, pool)
        out.append(x)
        del pool[x]
    return out


def words(s):
    return len(s.split())


# ====================================================================== places
# code: (income, names, adjectives, currency, places)
# A place "X/Y" is named "X" alone or "X, Y"; Y defaults to the first name.
# Every name here belongs to one country only, so naming it implies that label.

COUNTRIES = {
    "GB": ("H", ["the United Kingdom", "the UK", "Britain"], ["British", "UK"], "£", [
        "London/England", "Manchester/England", "Greater Manchester/England", "Birmingham/England",
        "Liverpool/England", "Leeds/England", "Sheffield/England", "Bristol/England",
        "Newcastle upon Tyne/England", "Nottingham/England", "Leicester/England", "Bradford/England",
        "Hull/England", "Stoke-on-Trent/England", "Peterborough/England", "Norfolk/England",
        "Essex/England", "Kent/England", "Surrey/England", "Lancashire/England", "Cornwall/England",
        "Devon/England", "Worcestershire/England", "Staffordshire/England", "Derbyshire/England",
        "the West Midlands/England", "Merseyside/England", "West Yorkshire/England",
        "Tower Hamlets/London", "Lambeth/London", "Hackney/London", "Haringey/London",
        "Croydon/London", "Sunderland/England", "Brighton and Hove/England", "Plymouth/England",
        "Northamptonshire/England", "Cambridgeshire/England", "Glasgow/Scotland",
        "Edinburgh/Scotland", "Fife/Scotland", "Cardiff/Wales", "Swansea/Wales",
        "Belfast/Northern Ireland", "Teesside/England", "Wirral/England"]),
    "US": ("H", ["the United States", "the US"], ["American", "US"], "$", [
        "New York City/New York", "Chicago/Illinois", "Massachusetts", "Boston/Massachusetts",
        "Salt Lake County/Utah", "Utah", "Cuyahoga County/Ohio", "Cleveland/Ohio", "Denver/Colorado",
        "Santa Clara County/California", "Los Angeles County/California", "South Carolina",
        "Connecticut", "Illinois", "Ohio", "Michigan", "Washington, DC", "Philadelphia/Pennsylvania",
        "Pennsylvania", "Oregon", "Colorado", "California", "Virginia", "Texas", "Minnesota",
        "Kansas", "Florida", "Atlanta/Georgia", "Buffalo/New York", "Baltimore/Maryland",
        "San Francisco/California", "Milwaukee/Wisconsin", "Detroit/Michigan", "Seattle/Washington State",
        "Alameda County/California", "Ventura County/California", "Oklahoma", "Tulsa/Oklahoma",
        "Rhode Island", "Maryland", "Hampton Roads/Virginia", "Cook County/Illinois",
        "Houston/Texas", "Minneapolis/Minnesota", "Kentucky", "Tennessee"]),
    "CA": ("H", ["Canada"], ["Canadian"], "C$", [
        "Ontario", "Toronto/Ontario", "Saskatchewan", "Saskatoon/Saskatchewan", "British Columbia",
        "Vancouver/British Columbia", "Alberta", "Calgary/Alberta", "Quebec", "Montreal/Quebec",
        "Manitoba", "Winnipeg/Manitoba", "Nova Scotia", "Halifax/Nova Scotia", "Ottawa/Ontario"]),
    "AU": ("H", ["Australia"], ["Australian"], "A$", [
        "New South Wales", "Sydney/New South Wales", "the state of Victoria", "Melbourne/Victoria",
        "Queensland", "Brisbane/Queensland", "South Australia", "Adelaide/South Australia",
        "Western Australia", "Perth/Western Australia", "Tasmania", "the Australian Capital Territory",
        "the Northern Territory", "Darwin/the Northern Territory", "western Sydney/New South Wales"]),
    "NZ": ("H", ["New Zealand"], ["New Zealand"], "NZ$", [
        "Auckland", "Wellington/New Zealand", "Christchurch", "Canterbury, New Zealand", "Waikato",
        "Northland/New Zealand", "Rotorua"]),
    "IE": ("H", ["Ireland", "the Republic of Ireland"], ["Irish"], "€", [
        "Dublin", "Cork/Ireland", "Limerick", "Galway", "Waterford/Ireland"]),
    "NL": ("H", ["the Netherlands"], ["Dutch"], "€", [
        "Rotterdam", "Amsterdam", "Utrecht", "The Hague", "Eindhoven", "the Dutch province of Limburg",
        "Groningen", "Arnhem", "Zwolle"]),
    "BE": ("H", ["Belgium"], ["Belgian"], "€", [
        "Brussels", "Flanders", "Antwerp", "Ghent", "Wallonia", "Liège", "Leuven", "Charleroi"]),
    "FR": ("H", ["France"], ["French"], "€", [
        "Paris", "Île-de-France", "Lyon", "Marseille", "Lille", "Seine-Saint-Denis/France",
        "Toulouse", "Bordeaux", "Strasbourg", "Nantes", "Hauts-de-France"]),
    "DE": ("H", ["Germany"], ["German"], "€", [
        "Berlin", "Augsburg", "Bavaria", "North Rhine-Westphalia", "Hamburg", "Munich",
        "Duisburg", "Osnabrück", "Frankfurt", "Leipzig", "Cologne", "Baden-Württemberg"]),
    "AT": ("H", ["Austria"], ["Austrian"], "€", [
        "Vienna", "Upper Austria", "Linz/Austria", "Graz", "Styria", "Salzburg"]),
    "CH": ("H", ["Switzerland"], ["Swiss"], "CHF ", [
        "the canton of Bern", "Bern/Switzerland", "Zurich", "Geneva", "Basel", "Lausanne", "Vaud"]),
    "PT": ("H", ["Portugal"], ["Portuguese"], "€", [
        "Lisbon", "Porto", "the Algarve", "Braga", "Coimbra", "Setúbal", "Sintra", "Aveiro", "Guimarães"]),
    "ES": ("H", ["Spain"], ["Spanish"], "€", [
        "Madrid", "Barcelona", "Catalonia", "the Basque Country", "Andalusia", "Valencia, Spain",
        "Seville", "Bilbao", "Zaragoza", "Galicia"]),
    "IT": ("H", ["Italy"], ["Italian"], "€", [
        "Milan", "Turin", "Rome", "Lombardy", "Piedmont", "Naples", "Bologna", "Emilia-Romagna"]),
    "FI": ("H", ["Finland"], ["Finnish"], "€", [
        "Helsinki", "Uusimaa", "Tampere", "Espoo", "Turku", "Oulu", "Vantaa"]),
    "SE": ("H", ["Sweden"], ["Swedish"], "SEK ", [
        "Stockholm", "Gothenburg", "Malmö", "Norrköping", "Skåne", "Uppsala", "Örebro"]),
    "DK": ("H", ["Denmark"], ["Danish"], "DKK ", [
        "Copenhagen", "Aarhus", "Odense", "Aalborg", "Herning"]),
    "NO": ("H", ["Norway"], ["Norwegian"], "NOK ", ["Oslo", "Bergen", "Trondheim", "Stavanger"]),
    "IL": ("H", ["Israel"], ["Israeli"], "NIS ", [
        "Tel Aviv", "Jerusalem", "Haifa", "the Negev", "Beersheba", "Ashdod", "Nazareth"]),
    "JP": ("H", ["Japan"], ["Japanese"], "¥", [
        "Tokyo", "Yokohama", "Kobe", "Osaka", "Hachioji/Tokyo", "Hiroshima", "Fukuoka",
        "Sapporo", "Okayama", "Kanagawa Prefecture"]),
    "KR": ("H", ["South Korea", "the Republic of Korea"], ["Korean", "South Korean"], "KRW ", [
        "Seoul", "Gyeonggi Province", "Busan", "Incheon", "Daegu", "Gwangju"]),
    "IN": ("L", ["India"], ["Indian"], "US$", [
        "Rajasthan", "Jaipur/Rajasthan", "Bhilwara/Rajasthan", "Ajmer/Rajasthan", "Delhi",
        "Mumbai/Maharashtra", "Maharashtra", "Gujarat", "Uttar Pradesh", "Lucknow/Uttar Pradesh",
        "Bihar", "Patna/Bihar", "Odisha", "Tamil Nadu", "Chennai/Tamil Nadu", "Karnataka",
        "Bengaluru/Karnataka", "Andhra Pradesh", "Madhya Pradesh", "West Bengal",
        "Kolkata/West Bengal", "Haryana", "Assam", "Jharkhand", "Telangana", "Hyderabad, Telangana",
        "Chhattisgarh", "Kerala"]),
    "PK": ("L", ["Pakistan"], ["Pakistani"], "US$", [
        "Lahore/Pakistan", "Karachi", "Sindh", "Khyber Pakhtunkhwa", "Peshawar", "Islamabad",
        "Balochistan", "Faisalabad", "Multan", "Quetta"]),
    "BD": ("L", ["Bangladesh"], ["Bangladeshi"], "US$", [
        "Dhaka", "Chittagong", "Sylhet", "Rajshahi", "Khulna", "Rangpur", "Barisal", "Mymensingh"]),
    "NP": ("L", ["Nepal"], ["Nepali", "Nepalese"], "US$", [
        "Kathmandu", "Pokhara", "Lumbini Province", "Madhesh Province", "Karnali Province",
        "the Kathmandu Valley", "Biratnagar"]),
    "KE": ("L", ["Kenya"], ["Kenyan"], "US$", [
        "Nairobi", "Mombasa", "Kisumu", "Nakuru", "Siaya County", "Kakamega County", "Turkana County",
        "Kilifi County", "Busia County", "Machakos County", "Kiambu County", "Kwale County", "Migori County"]),
    "UG": ("L", ["Uganda"], ["Ugandan"], "US$", [
        "Kampala", "Gulu", "Mbarara", "Lira/Uganda", "Jinja", "Mbale", "Arua", "Soroti", "Karamoja"]),
    "TZ": ("L", ["Tanzania"], ["Tanzanian"], "US$", [
        "Dar es Salaam", "Arusha", "Dodoma", "Mwanza", "Shinyanga", "Zanzibar", "Morogoro",
        "Mbeya", "Kigoma"]),
    "RW": ("L", ["Rwanda"], ["Rwandan"], "US$", [
        "Kigali", "Musanze", "Huye", "Rwamagana", "Nyagatare", "Rubavu", "Rusizi"]),
    "ET": ("L", ["Ethiopia"], ["Ethiopian"], "US$", [
        "Addis Ababa", "Oromia", "the Amhara region", "Tigray", "Hawassa", "the Somali region of Ethiopia",
        "Bahir Dar", "Mekelle", "Dire Dawa"]),
    "NG": ("L", ["Nigeria"], ["Nigerian"], "US$", [
        "Lagos", "Kano", "Abuja", "Nasarawa State", "Ondo State", "Adamawa State", "Maiduguri",
        "Borno State", "Kaduna", "Cross River State", "Ibadan", "Enugu", "Gombe State"]),
    "GH": ("L", ["Ghana"], ["Ghanaian"], "US$", [
        "Accra", "Kumasi", "Tamale", "the Northern Region of Ghana", "the Volta Region", "Ashanti",
        "Cape Coast", "the Upper East Region"]),
    "SL": ("L", ["Sierra Leone"], ["Sierra Leonean"], "US$", [
        "Freetown", "Bo, Sierra Leone", "Kenema", "Makeni", "Port Loko", "Kailahun", "Koinadugu"]),
    "CM": ("L", ["Cameroon"], ["Cameroonian"], "US$", [
        "Yaoundé", "Douala", "the Far North Region of Cameroon", "Bamenda", "Bertoua", "Garoua",
        "Maroua", "the Littoral region of Cameroon"]),
    "ZA": ("L", ["South Africa"], ["South African"], "US$", [
        "Johannesburg", "Cape Town", "Durban", "Gauteng", "the Western Cape", "KwaZulu-Natal",
        "the Eastern Cape", "Soweto", "Tshwane", "Limpopo", "Mpumalanga", "Ekurhuleni"]),
    "MZ": ("L", ["Mozambique"], ["Mozambican"], "US$", [
        "Maputo", "Nampula", "Sofala", "Beira", "Cabo Delgado", "Zambezia", "Tete province", "Inhambane"]),
    "CO": ("L", ["Colombia"], ["Colombian"], "US$", [
        "Bogotá", "Medellín", "Cali", "Pereira", "Barranquilla", "Cartagena", "Antioquia",
        "Bucaramanga", "Cúcuta", "Manizales"]),
    "PE": ("L", ["Peru"], ["Peruvian"], "US$", [
        "Lima", "Junín", "the Ene river valley", "Cusco", "Arequipa", "Ayacucho", "Piura",
        "the San Martín region of Peru", "Cajamarca", "Puno"]),
    "AR": ("L", ["Argentina"], ["Argentine"], "US$", [
        "Buenos Aires", "the province of Buenos Aires", "Córdoba, Argentina", "Mendoza", "Rosario",
        "Salta", "Tucumán", "Misiones", "Jujuy"]),
    "CL": ("L", ["Chile"], ["Chilean"], "US$", [
        "Santiago de Chile", "Valparaíso", "Concepción, Chile", "the Biobío region", "Antofagasta",
        "La Araucanía", "Temuco"]),
    "MX": ("L", ["Mexico"], ["Mexican"], "US$", [
        "Mexico City", "Jalisco", "Guadalajara", "Monterrey", "Oaxaca", "Chiapas", "Puebla",
        "Nuevo León", "Yucatán", "Guerrero"]),
    "BR": ("L", ["Brazil"], ["Brazilian"], "US$", [
        "São Paulo", "Rio de Janeiro", "Ceará", "Fortaleza", "Minas Gerais", "Belo Horizonte",
        "Bahia", "Recife", "Pernambuco", "Paraná", "the state of Amazonas", "Manaus", "Pará", "Porto Alegre"]),
    "ZM": ("L", ["Zambia"], ["Zambian"], "US$", ["Lusaka", "the Copperbelt", "Ndola", "Kitwe", "Chipata"]),
    "ZW": ("L", ["Zimbabwe"], ["Zimbabwean"], "US$", ["Harare", "Bulawayo", "Mutare", "Masvingo", "Matabeleland"]),
    "MW": ("L", ["Malawi"], ["Malawian"], "US$", ["Lilongwe", "Blantyre", "Zomba", "Mzuzu", "Balaka"]),
    "BI": ("L", ["Burundi"], ["Burundian"], "US$", ["Bujumbura", "Gitega", "Ngozi", "Muyinga"]),
    "CD": ("L", ["the Democratic Republic of the Congo", "the DRC"], ["Congolese"], "US$", [
        "Kinshasa", "South Kivu", "North Kivu", "Goma", "Bukavu", "Kasai", "Lubumbashi"]),
    "ML": ("L", ["Mali"], ["Malian"], "US$", ["Bamako", "Mopti", "Ségou", "Sikasso", "Kayes"]),
    "BF": ("L", ["Burkina Faso"], ["Burkinabè"], "US$", ["Ouagadougou", "Bobo-Dioulasso", "Koudougou"]),
    "SN": ("L", ["Senegal"], ["Senegalese"], "US$", ["Dakar", "Thiès", "Saint-Louis, Senegal", "Kaolack"]),
    "BJ": ("L", ["Benin"], ["Beninese"], "US$", ["Cotonou", "Porto-Novo", "Parakou"]),
    "CI": ("L", ["Côte d'Ivoire"], ["Ivorian"], "US$", ["Abidjan", "Bouaké", "Yamoussoukro"]),
    "AF": ("L", ["Afghanistan"], ["Afghan"], "US$", ["Kabul", "Herat", "Balkh province", "Nangarhar"]),
    "KH": ("L", ["Cambodia"], ["Cambodian"], "US$", ["Phnom Penh", "Siem Reap", "Battambang", "Kampong Cham"]),
    "VN": ("L", ["Vietnam"], ["Vietnamese"], "US$", ["Hanoi", "Ho Chi Minh City", "the Mekong Delta", "Da Nang"]),
    "PH": ("L", ["the Philippines"], ["Filipino"], "US$", ["Manila", "Mindanao", "Cebu", "Davao", "Quezon City"]),
    "ID": ("L", ["Indonesia"], ["Indonesian"], "US$", ["Jakarta", "East Java", "Central Kalimantan", "Sumatra", "Surabaya", "West Nusa Tenggara"]),
    "JO": ("L", ["Jordan"], ["Jordanian"], "US$", ["Amman", "Irbid", "Zarqa", "Mafraq"]),
    "PS": ("L", ["the Palestinian territories"], ["Palestinian"], "US$", ["the West Bank", "Ramallah", "Nablus", "Hebron"]),
    "TR": ("L", ["Turkey", "Türkiye"], ["Turkish"], "US$", ["Istanbul", "Gaziantep", "Ankara", "Şanlıurfa", "Izmir"]),
    "EG": ("L", ["Egypt"], ["Egyptian"], "US$", ["Cairo", "Alexandria", "Upper Egypt", "Assiut"]),
    "HT": ("L", ["Haiti"], ["Haitian"], "US$", ["Port-au-Prince", "Cap-Haïtien", "the Artibonite"]),
    "NI": ("L", ["Nicaragua"], ["Nicaraguan"], "US$", ["Managua", "Matagalpa"]),
    "HN": ("L", ["Honduras"], ["Honduran"], "US$", ["Tegucigalpa", "San Pedro Sula", "Copán"]),
    "GT": ("L", ["Guatemala"], ["Guatemalan"], "US$", ["Guatemala City", "Quetzaltenango", "Huehuetenango", "Alta Verapaz"]),
    "EC": ("L", ["Ecuador"], ["Ecuadorian"], "US$", ["Quito", "Guayaquil", "Cuenca, Ecuador", "Esmeraldas"]),
    "LK": ("L", ["Sri Lanka"], ["Sri Lankan"], "US$", ["Colombo", "Kandy", "Jaffna", "Galle"]),
    "LR": ("L", ["Liberia"], ["Liberian"], "US$", ["Monrovia", "Bong County", "Nimba County"]),
}

# Commissioners that name a place (used as payer; they imply the country too).
LOCAL_PAYERS = {
    "GB": ["Essex County Council", "Manchester City Council", "Birmingham City Council",
           "Kent County Council", "Norfolk County Council", "Newcastle City Council",
           "Leeds City Council", "Lancashire County Council", "the London Borough of Hackney",
           "Glasgow City Council", "Sheffield City Council", "Bristol City Council",
           "Surrey County Council", "Worcestershire County Council", "the Greater London Authority",
           "Staffordshire County Council", "Nottingham City Council"],
    "US": ["the Massachusetts Executive Office for Administration and Finance",
           "Cuyahoga County", "Salt Lake County", "Santa Clara County", "the City of Denver",
           "the New York City Department of Correction", "the State of Illinois",
           "the South Carolina Department of Health and Human Services", "the State of Connecticut",
           "the City of Chicago", "Los Angeles County", "the State of Oregon"],
    "AU": ["the New South Wales Government", "the Victorian Government", "the Queensland Government",
           "the South Australian Government", "the Western Australian Government"],
    "CA": ["the Government of Saskatchewan", "the Government of Ontario", "Employment and Social Development Canada"],
    "NZ": ["the New Zealand Ministry of Health", "the New Zealand Department of Corrections"],
    "NL": ["the City of Rotterdam", "the Municipality of Utrecht", "the City of Amsterdam"],
    "BE": ["the Brussels-Capital Region", "the Flemish Government"],
    "FI": ["the Finnish Ministry of Economic Affairs and Employment", "the City of Helsinki"],
    "PT": ["the Lisbon City Council", "the Portuguese Ministry of Labour"],
    "IL": ["the Israeli Ministry of Health", "the Israeli Ministry of Education"],
    "JP": ["the City of Kobe", "Hachioji City", "the Tokyo Metropolitan Government"],
    "KR": ["the Seoul Metropolitan Government", "the Gyeonggi provincial government"],
    "IN": ["the Government of Rajasthan", "the Government of Maharashtra", "the Government of Odisha"],
    "ZA": ["the Gauteng provincial government", "the Western Cape Government"],
    "CO": ["the Bogotá city government", "the Cali city government"],
    "CM": ["the Cameroonian Ministry of Public Health"],
    "RW": ["the Rwandan Ministry of Health"],
}


def place_parts(code, rng):
    inc, names, adjs, cur, places = COUNTRIES[code]
    p = rng.choice(places)
    name, _, parent = p.partition("/")
    if not parent and not names[0].startswith("the "):
        parent = names[0]
    return name, (parent or None), rng.choice(names), rng.choice(adjs)


def join_list(xs, conj="and"):
    if len(xs) == 1:
        return xs[0]
    return ", ".join(xs[:-1]) + " " + conj + " " + xs[-1]


# ====================================================================== policy areas (English)
# Each area has sub-sectors ("subs") so that programme, target group, outcome
# metrics and activities fit together.  inc: "H" high-income settings, "L" low-
# and middle-income settings, "*" either.  Metrics starting with "-" are better
# when lower.  rbf: metrics used when paying per verified service.  Area-level
# providers are (phrase, inc); ctx are (background sentence, inc).

AREAS = {
    "Homelessness": dict(
        subs=[
            dict(inc="H", progs=["a Housing First service for [entrenched|long-term|chronic] rough sleepers",
                                 "an intensive [navigator|key worker] service for people sleeping rough",
                                 "an assertive outreach and resettlement programme for rough sleepers"],
                 groups=["entrenched rough sleepers", "people sleeping rough with multiple and complex needs",
                         "people with a long history of street homelessness"],
                 metrics=["entry into settled accommodation", "tenancy sustainment at [six and twelve|three, six and twelve] months",
                          "-nights spent sleeping rough", "engagement with [mental health|substance misuse] services",
                          "-use of emergency departments"],
                 topics=["rough sleeping", "Housing First", "street homelessness"],
                 acts=["Key workers held small caseloads and had a personal budget they could spend on whatever helped someone secure and keep a tenancy.",
                       "Participants were offered a home without first having to show that they were 'housing ready', and support followed the person rather than the building.",
                       "The service worked with a named cohort identified from street counts and hostel records rather than accepting open referrals.",
                       "Navigators accompanied clients to appointments, negotiated with landlords and helped them claim the benefits to which they were entitled."]),
            dict(inc="H", progs=["a supported housing programme for [young people leaving care|care leavers]",
                                 "a homelessness prevention service for young people",
                                 "an accommodation and coaching programme for homeless young people aged 18 to 24"],
                 groups=["care leavers", "young people at risk of homelessness", "homeless young people aged 18 to 24"],
                 metrics=["entry into stable accommodation", "tenancy sustainment at six months",
                          "entry into education, training or employment", "-returns to homelessness", "qualifications achieved"],
                 topics=["youth homelessness", "housing for care leavers", "young people's housing"],
                 acts=["Young people were matched with a supported tenancy and a coach who helped them budget, [look for work|return to learning] and manage the move to independence.",
                       "Mediation with families was offered where it was safe for a young person to return home.",
                       "Coaches stayed with each young person for up to three years, including through setbacks and moves."]),
            dict(inc="H", codes={"US", "CA"}, progs=["a permanent supportive housing programme for frequent users of jails and emergency rooms",
                                 "a supportive housing programme for chronically homeless adults",
                                 "a rapid rehousing programme for families in emergency shelters"],
                 groups=["chronically homeless adults", "high-cost frequent users of jails, shelters and hospitals",
                         "families in emergency shelters"],
                 metrics=["days in stable housing", "-jail bookings", "-shelter nights", "-emergency room visits",
                          "housing stability at twelve months"],
                 topics=["supportive housing", "chronic homelessness", "family homelessness"],
                 acts=["The programme leased flats from private landlords and provided wraparound support to the people housed in them.",
                       "Case managers coordinated housing, health and benefits support and stayed with each person for up to [two|three] years.",
                       "Housing vouchers were combined with intensive case management and a small flexible fund."]),
            dict(inc="H", progs=["a tenancy sustainment service for households in temporary accommodation",
                                 "a homelessness prevention service for [people leaving prison|survivors of domestic abuse]",
                                 "a move-on service for people leaving hostels"],
                 groups=["households in temporary accommodation", "single homeless adults with histories of substance misuse",
                         "people moving on from hostels"],
                 metrics=["moves into the private rented sector", "tenancy sustainment at six months", "-returns to homelessness",
                          "-repeat homelessness applications"],
                 topics=["homelessness prevention", "temporary accommodation", "tenancy sustainment"],
                 acts=["Support combined help with finding a tenancy with [debt|benefits|drug and alcohol] advice and, where needed, furniture and rent deposits.",
                       "Workers negotiated with private landlords and stayed in touch with tenants during the first year of each tenancy."]),
        ],
        providers=[("a national homelessness charity", "*"), ("a local housing association", "H"),
                   ("a consortium of voluntary sector housing providers", "H"), ("a supportive housing nonprofit", "H"),
                   ("a faith-based homelessness charity", "*"), ("a specialist youth housing provider", "H"),
                   ("a tenancy support organisation", "H")],
        ctx=[("[Rough sleeping|Street homelessness] [rose sharply|increased markedly] during the 2010s, [stretching|putting pressure on] local housing budgets.", "H"),
             ("People who sleep rough often cycle between the street, hostels, hospitals and custody at considerable public expense.", "H"),
             ("Housing First has a strong evidence base, but [commissioners|governments] have struggled to fund it from short-term budgets.", "H"),
             ("Homelessness services are often funded through fragmented, short-term grants that reward activity rather than lasting housing outcomes.", "*"),
             ("Chronic homelessness is concentrated among a small group of people who account for a disproportionate share of crisis spending.", "H")],
        units=["providers"]),
    "Criminal justice": dict(
        subs=[
            dict(inc="H", codes={"GB", "AU", "NZ", "IE", "NL", "BE", "FR", "DE", "FI", "SE", "DK", "NO", "PT", "ES", "IT", "CA", "IL", "JP", "KR", "AT", "CH"},
                 progs=["a through-the-gate [mentoring|resettlement] service for short-sentence prisoners",
                                 "a resettlement service for men leaving prison"],
                 groups=["men released from short prison sentences", "prolific offenders", "adults leaving local prisons"],
                 metrics=["-reconviction within [twelve|eighteen] months of release", "-the frequency of reoffending",
                          "-reconviction events", "engagement with support after release"],
                 topics=["reoffending", "resettlement", "short prison sentences"],
                 acts=["Mentors met participants at the prison gate and helped with [accommodation|benefit claims|identity documents] in the first weeks after release.",
                       "Support was voluntary and open to everyone in the cohort, including people who would not normally qualify for statutory supervision.",
                       "Peer mentors with lived experience of prison were recruited and trained to support participants for up to a year."]),
            dict(inc="H", codes={"US"}, progs=["a prisoner re-entry programme combining transitional jobs with post-release support",
                                 "a re-entry programme for people on parole"],
                 groups=["formerly incarcerated people", "people returning from state prison", "people on parole"],
                 metrics=["-days in prison or jail", "-re-arrests", "employment after release", "-returns to prison",
                          "-recidivism at three years"],
                 topics=["prisoner re-entry", "recidivism", "parole supervision"],
                 acts=["Participants were offered paid transitional work, job coaching and help finding unsubsidised employment.",
                       "Case workers coordinated housing, [substance misuse|mental health] and employment support in the months after release."]),
            dict(inc="H", progs=["a youth justice intervention for adolescents on the edge of custody",
                                 "a cognitive behavioural therapy programme for adolescent boys in jail",
                                 "an intensive family-based programme for young offenders",
                                 "a diversion scheme for first-time young offenders"],
                 groups=["adolescents in jail", "young people on the edge of custody", "young offenders and their families"],
                 metrics=["-days in custody", "-re-arrests within a year", "-reoffending", "school attendance"],
                 topics=["youth justice", "juvenile offending", "young offenders"],
                 acts=["Sessions drew on cognitive behavioural techniques to help young people [rethink|manage] impulsive decisions.",
                       "Work with families and schools was combined with intensive supervision of young people at risk of custody."]),
            dict(inc="H", progs=["a reintegration programme for women leaving prison",
                                 "a probation programme for people convicted of drug-related offences",
                                 "a restorative justice scheme for adults on community sentences"],
                 groups=["women leaving prison", "adults on probation", "people with drug-related convictions"],
                 metrics=["-reconviction", "compliance with supervision conditions", "completion of drug treatment",
                          "-breaches of licence conditions"],
                 topics=["probation services", "rehabilitation", "women in the justice system"],
                 acts=["Keyworkers met women in prison before release and helped them regain custody of children and find housing.",
                       "Treatment, supervision and practical help were coordinated by a single named worker."]),
        ],
        providers=[("a national resettlement charity", "H"), ("a community-based re-entry nonprofit", "H"),
                   ("a faith-based mentoring organisation", "*"), ("a local probation partnership", "H"),
                   ("a youth justice charity", "H"), ("a social enterprise employing former prisoners", "*"),
                   ("a consortium of voluntary organisations", "H")],
        ctx=[("Short prison sentences are associated with high rates of reoffending, and people released from them received little statutory support.", "H"),
             ("Recidivism imposes large costs on [prisons|courts|the justice system] and on the communities to which people return.", "*"),
             ("Rehabilitation services have long been funded through activity-based contracts that say little about whether people stop offending.", "*"),
             ("Re-entry services are often under-resourced relative to spending on incarceration.", "H")],
        units=["providers"]),
    "Child and family welfare": dict(
        subs=[
            dict(inc="H", progs=["an edge-of-care service for adolescents at risk of entering care",
                                 "a multisystemic therapy service for families of adolescents with severe behavioural difficulties",
                                 "an intensive family preservation service"],
                 groups=["adolescents at risk of entering care", "families of teenagers on the edge of care", "children on the edge of care"],
                 metrics=["care days avoided", "entries into care prevented", "-placement breakdowns", "school attendance"],
                 topics=["edge of care services", "children's social care", "family preservation"],
                 provs=["a licensed therapy provider", "a family services nonprofit", "a national children's charity"],
                 acts=["Therapists worked with whole families in their homes, with small caseloads and on-call support [around the clock|in the evenings and at weekends].",
                       "Referrals came from social workers who judged a child to be at [imminent|high] risk of entering care."]),
            dict(inc="H", progs=["a programme to recruit and support foster carers for teenagers in residential care",
                                 "a therapeutic foster care programme", "an adoption support service for hard-to-place children"],
                 groups=["children in residential care", "children waiting for adoption", "teenagers in children's homes"],
                 metrics=["moves from residential to foster placements", "stability of foster placements", "-time to adoption",
                          "successful adoptions"],
                 topics=["foster care", "adoption", "residential care"],
                 provs=["a specialist fostering agency", "a voluntary adoption agency", "a consortium of children's charities"],
                 acts=["The service recruited and trained foster carers who could look after teenagers stepping down from residential homes.",
                       "Each child was matched with [an adoptive family|a carer] and support continued for [a year|two years] after the placement began."]),
            dict(inc="H", progs=["a home visiting programme for first-time [low-income|young] mothers",
                                 "an early intervention parenting programme for families with young children"],
                 groups=["first-time mothers on low incomes", "families with young children", "young parents"],
                 metrics=["healthy birth outcomes", "-preterm births", "-emergency department visits for childhood injuries",
                          "-child maltreatment reports"],
                 topics=["home visiting", "early intervention", "parenting support"],
                 provs=["a nurse home visiting provider", "a family services nonprofit", "a community-based family support organisation"],
                 acts=["Nurses visited mothers from pregnancy until the child's second birthday.",
                       "Parents attended group sessions and received home visits focused on play, routines and managing stress."]),
            dict(inc="H", progs=["a family reunification service for children in out-of-home care",
                                 "a kinship care support programme", "an intensive family support service"],
                 groups=["children in out-of-home care", "families whose children have been removed", "children in foster care"],
                 metrics=["family reunification within [twelve|eighteen] months", "-re-entry to care",
                          "-repeat maltreatment reports", "-days in care"],
                 topics=["out-of-home care", "child protection", "family reunification"],
                 provs=["a family services nonprofit", "a community-based family support organisation"],
                 acts=["Family workers agreed a plan with each family and coordinated help with [housing|debt|domestic abuse] and parenting.",
                       "Caseworkers visited families several times a week in the months before and after children returned home."]),
            dict(inc="L", progs=["a family-based care programme for children leaving residential institutions",
                                 "an early childhood development and parenting programme"],
                 groups=["children in residential institutions", "caregivers of young children", "children separated from their families"],
                 metrics=["children reintegrated into family care", "-family separation", "early child development scores"],
                 topics=["care reform", "early childhood development", "family-based care"],
                 provs=["a national children's charity", "a community-based family support organisation", "an international child welfare NGO"],
                 acts=["Social workers traced families, assessed their capacity to care and supported each child's return over several months.",
                       "Community volunteers visited caregivers at home to encourage play, reading and positive discipline."]),
        ],
        providers=[("a national children's charity", "*"), ("a family services nonprofit", "H"),
                   ("a licensed therapy provider", "H"), ("a voluntary adoption agency", "H"),
                   ("a specialist fostering agency", "H"), ("a community-based family support organisation", "*"),
                   ("a consortium of children's charities", "H")],
        ctx=[("Rising numbers of children in care have put [local authority|state] budgets under strain, and residential placements are especially costly.", "H"),
             ("Many families reach children's services only at the point of crisis, when earlier help could have kept children safely at home.", "H"),
             ("Placement instability harms children's wellbeing and education.", "*"),
             ("Child protection systems are often organised around statutory duties that leave little room for prevention.", "H"),
             ("Millions of children grow up in institutions even though most have a living parent.", "L")],
        units=["providers"]),
    "Employment and training": dict(
        subs=[
            dict(inc="H", progs=["a programme helping young people not in education, employment or training (NEET) into work",
                                 "a pre-employment and apprenticeship programme for early school leavers"],
                 groups=["NEET young people", "young people aged 16 to 24", "early school leavers"],
                 metrics=["job entry", "sustained employment at 26 weeks", "entry into apprenticeships", "qualifications achieved",
                          "return to education"],
                 topics=["NEET young people", "youth unemployment", "school-to-work transitions"],
                 acts=["Young people could stay with the same key worker for up to [two|three] years, including periods out of contact.",
                       "Participants received [one-to-one coaching|mentoring], help with applications and short courses in [workplace skills|digital skills]."]),
            dict(inc="H", progs=["a welfare-to-work programme for long-term unemployed adults",
                                 "a labour market reintegration programme for long-term benefit claimants"],
                 groups=["long-term unemployed adults", "social assistance recipients", "older unemployed workers"],
                 metrics=["job entry", "sustained employment at 52 weeks", "-benefit dependency", "earnings"],
                 topics=["welfare-to-work", "employment services", "activation policy"],
                 acts=["Providers were free to decide how to support each participant, within a 'black box' specification.",
                       "Job coaches worked with employers to find placements and stayed in contact after people started work."]),
            dict(inc="H", progs=["an individual placement and support (IPS) service for people with [severe mental illness|drug and alcohol problems]",
                                 "a job-placement scheme for disabled jobseekers"],
                 groups=["people with severe mental illness", "disabled jobseekers", "people in drug and alcohol treatment"],
                 metrics=["job entry", "job retention at six months", "hours worked", "-benefit dependency"],
                 topics=["supported employment", "mental health and work", "disability employment"],
                 acts=["Employment specialists were embedded in clinical teams and began job search quickly rather than after long preparatory training.",
                       "Job coaches worked with employers to find placements and stayed in contact after people started work."]),
            dict(inc="H", progs=["an employment programme for refugees with limited language skills",
                                 "a labour market integration programme for recent migrants"],
                 groups=["refugees with residence permits", "recent migrants", "refugees granted protection"],
                 metrics=["job entry", "sustained employment", "language certification", "earnings"],
                 topics=["refugee integration", "labour market integration", "migrant employment"],
                 acts=["Language classes were combined with work experience placements arranged through local employers.",
                       "Newcomers were placed in jobs early and received language and vocational training alongside work."]),
            dict(inc="L", progs=["a vocational training programme for unemployed youth",
                                 "a demand-led skills training and job placement programme for young people",
                                 "a youth employment programme for young women from low-income households"],
                 groups=["unemployed young people", "young women from low-income households", "young people in informal settlements"],
                 metrics=["job placement", "job retention at [three|six] months", "earnings", "completion of vocational training"],
                 topics=["youth employment", "skills training", "job placement"],
                 acts=["Training was planned with employers and followed by [paid internships|on-the-job support].",
                       "Trainees received soft-skills training, a stipend for transport and help preparing for interviews with formal employers."]),
        ],
        providers=[("a national employment services company", "H"), ("a local social enterprise", "*"), ("a youth charity", "H"),
                   ("a consortium of training providers", "*"), ("a private welfare-to-work contractor", "H"),
                   ("an NGO working with migrants", "H"), ("a vocational training institute", "L"), ("a youth employment NGO", "L")],
        ctx=[("Youth unemployment remained stubbornly high after the financial crisis, and public employment services struggled to reach the most disengaged.", "H"),
             ("Active labour market programmes have a mixed record, and many pay providers for attendance rather than jobs.", "*"),
             ("Long spells out of work damage future earnings and health, and weigh on public finances.", "H"),
             ("Employment outcomes are comparatively easy to measure, which is one reason outcome-based payment spread in this field.", "*"),
             ("Skills programmes in many developing economies train people for jobs that do not exist.", "L"),
             ("Most young people in [low-income|developing] economies work informally, and formal jobs are scarce.", "L")],
        units=["providers", "training providers"]),
    "Health": dict(
        subs=[
            dict(inc="H", progs=["a social prescribing service for people with long-term conditions",
                                 "a hypertension management programme", "a diabetes prevention programme for adults at high risk"],
                 groups=["people with long-term conditions", "adults with pre-diabetes", "people with hypertension"],
                 metrics=["wellbeing scores", "-emergency hospital admissions", "blood pressure control", "blood glucose control",
                          "-GP visits"],
                 topics=["long-term conditions", "social prescribing", "chronic disease"],
                 acts=["Link workers spent time with patients to identify social needs and connected them with community activities.",
                       "Participants joined group sessions on diet and physical activity led by trained coaches."]),
            dict(inc="H", progs=["a home-based care service for frail older people", "a programme to help older people stay independent at home"],
                 groups=["older people living alone", "frail older people", "older people at risk of hospital admission"],
                 metrics=["-emergency hospital admissions", "-care home admissions", "quality of life", "days living independently"],
                 topics=["care for older people", "ageing and care", "integrated care"],
                 acts=["Care coordinators helped older people manage medication and avoid unnecessary hospital stays.",
                       "Volunteers and paid staff offered practical help at home and company to people living alone."]),
            dict(inc="H", progs=["a community mental health service", "a drug and alcohol recovery service",
                                 "a psychological therapies service"],
                 groups=["people with common mental health problems", "people in drug and alcohol treatment", "people who inject drugs"],
                 metrics=["drug-free completions of treatment", "recovery rates", "wellbeing scores", "-relapse"],
                 topics=["mental health services", "drug recovery", "addiction treatment"],
                 acts=["Recovery workers combined treatment with help on housing, employment and family relationships.",
                       "Therapists offered short courses of talking therapy in community settings, with follow-up by phone."]),
            dict(inc="H", progs=["a bowel cancer screening outreach programme", "a health check and disease prevention programme",
                                 "a programme to slow the progression of kidney disease"],
                 groups=["people who had not responded to screening invitations", "middle-aged adults", "patients with early kidney disease"],
                 metrics=["screening uptake", "-progression to dialysis", "health check attendance"],
                 topics=["disease prevention", "cancer screening", "preventive health"],
                 acts=["Letters and phone calls encouraged people who had ignored earlier invitations to take part in screening.",
                       "Nurses provided lifestyle guidance to patients identified from health check data."]),
            dict(inc="L", progs=["a maternal and newborn health programme in [private|public] health facilities",
                                 "a safe motherhood programme",
                                 "a programme to improve the quality of maternity care in small private facilities"],
                 groups=["pregnant women", "mothers and newborns", "women in rural districts"],
                 metrics=["facility births", "antenatal care visits", "postnatal care visits", "quality of maternity care",
                          "skilled birth attendance"],
                 rbf=["facility births", "antenatal care visits", "postnatal care visits", "skilled birth attendance", "family planning uptake"],
                 topics=["maternal health", "safe motherhood", "maternal and newborn health"],
                 provs=["a network of private hospitals", "a maternal health NGO", "a faith-based hospital network", "a district health management team"],
                 acts=["Facilities were upgraded to meet quality standards, and staff were trained in emergency obstetric care.",
                       "Community health workers visited households to encourage antenatal care and facility deliveries."]),
            dict(inc="L", progs=["a primary health care programme in public health centres", "a basic package of health services",
                                 "a child health programme"],
                 groups=["children under five", "households in rural districts", "patients at public health centres"],
                 metrics=["full immunisation", "outpatient consultations", "family planning uptake", "growth monitoring",
                          "quality of care scores"],
                 rbf=["full immunisation", "outpatient consultations", "family planning uptake", "growth monitoring", "antenatal care visits"],
                 topics=["primary health care", "health service delivery", "health financing"],
                 provs=["a district health management team", "public health centres", "a community health NGO"],
                 acts=["[Mobile clinics|Outreach sessions] brought services to remote villages.",
                       "Health centres were given more say over staffing and supplies."]),
            dict(inc="L", progs=["a cataract surgery programme", "an eye care programme"],
                 groups=["patients with cataracts", "older adults with visual impairment"],
                 metrics=["successful cataract surgeries", "visual acuity after surgery", "patients operated on"],
                 topics=["eye health", "preventable blindness"],
                 provs=["an eye hospital", "a network of eye clinics"],
                 acts=["Outreach camps screened people in their communities and referred them for surgery."]),
            dict(inc="L", progs=["a physical rehabilitation programme"],
                 groups=["people with physical disabilities", "people who have lost a limb"],
                 metrics=["mobility and functional independence", "patients fitted with prostheses", "staff efficiency"],
                 topics=["physical rehabilitation", "disability services"],
                 provs=["a humanitarian rehabilitation organisation", "a network of rehabilitation centres"],
                 acts=["Centres were staffed and equipped to fit prostheses and provide physiotherapy."]),
            dict(inc="L", progs=["a tuberculosis case-finding and treatment programme", "a community tuberculosis programme"],
                 groups=["people with presumptive tuberculosis", "tuberculosis patients and their contacts"],
                 metrics=["tuberculosis case notification", "treatment completion", "contact screening"],
                 rbf=["tuberculosis case notification", "treatment completion", "contact screening"],
                 topics=["tuberculosis control", "infectious disease"],
                 provs=["a community health NGO", "a national TB programme", "private clinics"],
                 acts=["Community health workers traced contacts and supported patients to complete treatment."]),
            dict(inc="L", progs=["an HIV testing and treatment programme", "a programme to prevent mother-to-child transmission of HIV"],
                 groups=["people living with HIV", "pregnant women living with HIV", "adolescents at risk of HIV"],
                 metrics=["HIV testing", "retention in treatment", "viral suppression"],
                 rbf=["HIV testing", "retention in treatment", "viral suppression"],
                 topics=["HIV treatment", "HIV prevention"],
                 provs=["a community health NGO", "a faith-based hospital network"],
                 acts=["Testing was offered in communities and workplaces as well as in clinics."]),
            dict(inc="L", progs=["a malaria control programme"],
                 groups=["households in malaria-endemic districts", "children under five in malaria-endemic districts"],
                 metrics=["bed net use", "malaria cases treated within 24 hours", "-malaria incidence"],
                 rbf=["bed net use", "malaria cases treated within 24 hours", "malaria testing"],
                 topics=["malaria control", "infectious disease"],
                 provs=["a community health NGO", "a district health management team"],
                 acts=["Community case managers tested and treated children with fever close to home."]),
        ],
        providers=[("a network of private hospitals", "L"), ("a community health NGO", "L"), ("a primary care provider", "*"),
                   ("a district health management team", "L"), ("an eye hospital", "L"), ("a community interest company", "H"),
                   ("a mental health charity", "H"), ("a faith-based hospital network", "L"), ("a health and care charity", "H")],
        ctx=[("Long-term conditions account for a large and growing share of health spending in ageing societies.", "H"),
             ("Maternal and newborn deaths remain concentrated in poorer countries and in [rural|remote] areas where facility care is weak.", "L"),
             ("Health systems pay mostly for activity, which gives providers little reason to invest in prevention.", "*"),
             ("Many health facilities in low-income settings lack [staff|drugs|equipment], and user fees deter poorer households.", "L"),
             ("Demand on hospital services has outstripped funding, prompting interest in community alternatives.", "H")],
        units=["facilities", "health facilities", "health centres"]),
    "Education": dict(
        subs=[
            dict(inc="L", progs=["a girls' enrolment and learning programme", "a programme to bring out-of-school girls back to school"],
                 groups=["out-of-school girls", "adolescent girls", "girls in rural villages"],
                 metrics=["enrolment of out-of-school girls", "learning gains in literacy and numeracy", "retention in school",
                          "transition to secondary school"],
                 topics=["girls' education", "school enrolment"],
                 provs=["a national education NGO", "a girls' education charity"],
                 acts=["Community volunteers identified out-of-school girls door to door and worked with [parents|school management committees] to enrol them.",
                       "Village meetings and home visits addressed parents' concerns about sending girls to school."]),
            dict(inc="L", progs=["a teaching at the right level programme to improve literacy and numeracy in government primary schools",
                                 "a teacher coaching programme", "a remedial learning programme"],
                 groups=["primary school pupils", "children in government schools", "first-generation learners"],
                 metrics=["reading scores", "numeracy scores", "learning gains on standardised assessments", "attendance"],
                 rbf=["reading scores", "learning gains on standardised assessments", "enrolment", "attendance"],
                 topics=["foundational literacy", "learning outcomes", "primary education"],
                 provs=["a national education NGO", "a teacher training organisation", "a community education charity"],
                 acts=["Children were grouped by learning level rather than grade for part of the school day.",
                       "Teachers received regular coaching visits and structured lesson plans."]),
            dict(inc="L", progs=["a school improvement programme run by a network of low-cost private schools",
                                 "a public school management partnership"],
                 groups=["pupils in low-performing schools", "students in public schools"],
                 metrics=["test scores", "enrolment", "attendance", "examination results"],
                 topics=["school management", "education partnerships", "learning outcomes"],
                 provs=["a network of low-cost private schools", "a school management organisation"],
                 acts=["Operators took over the management of government schools, with teachers remaining on the public payroll.",
                       "Learning was tested by an independent assessor at baseline and at the end of each school year."]),
            dict(inc="L", progs=["an accelerated learning programme for out-of-school children"],
                 groups=["out-of-school children", "overage learners", "displaced children"],
                 metrics=["enrolment", "transition into formal schooling", "literacy", "numeracy"],
                 rbf=["enrolment", "transition into formal schooling", "girls' enrolment"],
                 topics=["out-of-school children", "accelerated learning"],
                 provs=["a national education NGO", "a community education charity"],
                 acts=["Children covered the first three years of the curriculum in one year with trained community facilitators."]),
            dict(inc="*", progs=["a high-quality preschool programme for children from low-income families",
                                 "an early childhood education programme"],
                 groups=["children aged three and four", "children from low-income families"],
                 metrics=["school readiness", "-special education placements", "language development", "kindergarten readiness"],
                 topics=["early childhood education", "preschool"],
                 provs=["an early years provider", "a network of community preschools"],
                 acts=["The programme expanded [full-day|high-quality] preschool places and trained staff in early learning."]),
            dict(inc="H", progs=["a programme to keep pupils at risk of exclusion in school",
                                 "a mentoring programme for secondary pupils at risk of dropping out"],
                 groups=["pupils at risk of exclusion", "secondary pupils at risk of dropping out", "students in low-performing schools"],
                 metrics=["school attendance", "-exclusions", "examination results", "completion of secondary school"],
                 topics=["school exclusion", "dropout prevention", "educational attainment"],
                 acts=["Mentors worked with pupils and their families to improve attendance and avoid exclusion."]),
        ],
        providers=[("a national education NGO", "L"), ("a community education charity", "*"), ("a network of low-cost private schools", "L"),
                   ("a teacher training organisation", "*"), ("an early years provider", "H"), ("a school mentoring charity", "H")],
        ctx=[("School enrolment has risen quickly in many low-income countries, but learning has lagged far behind.", "L"),
             ("Girls in [rural areas|poor households] remain more likely to be out of school or to leave early.", "L"),
             ("Early childhood education is widely held to yield lasting returns, but public funding for it is uneven.", "H"),
             ("Most education spending pays for inputs such as teachers, classrooms and textbooks rather than for what children learn.", "*")],
        units=["schools"]),
    "Agriculture and environment": dict(
        subs=[
            dict(inc="L", progs=["a [smallholder|cooperative-based] cocoa and coffee programme", "a smallholder coffee programme"],
                 groups=["indigenous producer communities", "smallholder farmers", "farming cooperatives"],
                 metrics=["crop yields", "farm incomes", "the quality of cocoa sold", "cooperative sales"],
                 topics=["smallholder agriculture", "cocoa and coffee value chains"],
                 provs=["a farmers' cooperative", "an agricultural development NGO"],
                 acts=["Farmers received agronomic training, improved seedlings and help joining a cooperative that could sell directly to buyers."],
                 units=["cooperatives"]),
            dict(inc="L", progs=["a climate-smart agriculture programme for smallholders", "a small-scale irrigation programme"],
                 groups=["smallholder farmers", "women farmers", "farming households in drought-prone areas"],
                 metrics=["crop yields", "farm incomes", "land under improved management", "area under irrigation"],
                 topics=["climate adaptation", "smallholder agriculture"],
                 provs=["an agricultural extension organisation", "a rural development NGO"],
                 acts=["Extension workers trained farmers in water harvesting, conservation tillage and drought-tolerant varieties."],
                 units=["implementing partners"]),
            dict(inc="L", progs=["a [rural water supply|piped water] scheme", "a programme to keep rural water points working"],
                 groups=["rural households without safe water", "communities relying on unprotected sources"],
                 metrics=["functioning water points", "household water connections", "water point uptime", "days of service"],
                 rbf=["functioning water points", "household water connections", "water point uptime"],
                 topics=["rural water services", "water supply"],
                 provs=["a rural water utility", "a private water operator", "a water NGO"],
                 acts=["Water points were [rehabilitated|built] and local committees trained to maintain them and collect tariffs."],
                 units=["water service providers", "operators"]),
            dict(inc="L", progs=["a household latrine programme", "a rural sanitation programme"],
                 groups=["households without improved sanitation", "communities practising open defecation"],
                 metrics=["verified latrine use", "open defecation free certification", "latrines built", "handwashing facilities"],
                 rbf=["verified latrine use", "open defecation free certification", "latrines built"],
                 topics=["sanitation", "water and sanitation"],
                 provs=["a sanitation social enterprise", "a WASH NGO"],
                 acts=["Community-led sanitation triggering was combined with [subsidies|vouchers] for poorer households."],
                 units=["implementing partners", "sanitation enterprises"]),
            dict(inc="L", progs=["a reduced deforestation programme", "a forest conservation programme", "a land restoration programme"],
                 groups=["communities in forest catchments", "forest-dependent communities"],
                 metrics=["avoided deforestation", "hectares of forest restored", "-forest loss", "emissions reductions"],
                 rbf=["avoided deforestation", "hectares of forest restored", "emissions reductions"],
                 topics=["forest conservation", "deforestation"],
                 provs=["a conservation NGO", "an environmental NGO"],
                 acts=["Forest patrols and alternative livelihoods were supported in communities bordering [protected areas|the forest]."],
                 units=["participating communities", "local governments"]),
            dict(inc="H", progs=["green stormwater infrastructure to reduce combined sewer overflows"],
                 groups=["residents of flood-prone neighbourhoods", "households in the combined sewer area"],
                 metrics=["-stormwater runoff volume", "-combined sewer overflows", "runoff captured"],
                 topics=["stormwater management", "green infrastructure"],
                 provs=["a municipal water authority", "a water and sewer utility"],
                 acts=["[Rain gardens|Permeable paving|Bioswales] and other green infrastructure were installed to absorb runoff before it reached the sewer system."],
                 units=["contractors"]),
            dict(inc="H", progs=["a forest thinning project to reduce wildfire risk"],
                 groups=["communities downstream of the watershed", "landowners in the watershed"],
                 metrics=["acres of forest treated", "-wildfire risk", "water yield"],
                 topics=["forest resilience", "wildfire risk"],
                 provs=["a conservation NGO", "a forest restoration contractor"],
                 acts=["Crews thinned overgrown forest and conducted prescribed burns to restore watershed function."],
                 units=["contractors"]),
        ],
        providers=[("a farmers' cooperative", "L"), ("a rural water utility", "L"), ("an environmental NGO", "*"),
                   ("a sanitation social enterprise", "L"), ("a municipal water authority", "H"),
                   ("an agricultural extension organisation", "L"), ("a private water operator", "L"), ("a conservation NGO", "*")],
        ctx=[("Smallholder farmers in many low-income countries face low yields, volatile prices and little access to [credit|markets].", "L"),
             ("Many rural water points fall into disrepair within a few years of construction.", "L"),
             ("Ageing sewer systems overflow during heavy rain, and cities face [regulatory|federal] obligations to reduce pollution.", "H"),
             ("Wildfire risk has grown with drought and decades of fire suppression.", "H"),
             ("Environmental outcomes are often slow to materialise and hard to attribute, which complicates paying for them.", "*"),
             ("Deforestation is a major source of greenhouse gas emissions and of lost livelihoods for forest communities.", "L")],
        units=["operators"]),
    "Poverty reduction": dict(
        subs=[
            dict(inc="L", progs=["a [poverty graduation|graduation] programme for ultra-poor households"],
                 groups=["ultra-poor households", "women in extreme poverty", "landless rural households"],
                 metrics=["household consumption", "livestock and other assets", "food security", "graduation from extreme poverty"],
                 topics=["graduation programmes", "extreme poverty"],
                 acts=["Households received a productive asset, a consumption stipend and regular visits from a coach.",
                       "Coaches helped households plan how to use their assets and smooth income across the seasons."]),
            dict(inc="L", progs=["a microenterprise programme providing [cash grants|seed capital] and business training"],
                 groups=["women microentrepreneurs", "households below the national poverty line", "rural microentrepreneurs"],
                 metrics=["business survival", "household income", "savings balances", "household net worth"],
                 topics=["microenterprise", "livelihoods"],
                 acts=["Groups of [three|two or three] entrepreneurs received a cash grant, business training and a year of mentoring."]),
            dict(inc="L", progs=["a cash transfer programme", "a savings group programme", "a financial inclusion programme"],
                 groups=["displaced households", "female-headed households", "low-income families"],
                 metrics=["household consumption", "savings balances", "food security"],
                 rbf=["household consumption", "savings balances", "household connections to basic services"],
                 topics=["cash transfers", "financial inclusion"],
                 acts=["Transfers were paid [monthly|every two months] through [mobile money|bank accounts].",
                       "Participants formed savings groups and were linked to [mobile money|formal financial services]."]),
            dict(inc="H", progs=["an income support programme linked to coaching", "a financial coaching programme for low-income families"],
                 groups=["low-income families", "households in persistent poverty", "single parents on low incomes"],
                 metrics=["household income", "-problem debt", "-reliance on income support", "financial wellbeing"],
                 topics=["household income", "financial wellbeing", "in-work poverty"],
                 acts=["Coaches helped families set goals, manage debts and claim the support to which they were entitled."]),
        ],
        providers=[("a rural development NGO", "L"), ("a microfinance institution", "L"), ("a network of savings groups", "L"),
                   ("a social enterprise", "*"), ("an international NGO", "L"), ("a national poverty alleviation NGO", "L"),
                   ("a community development charity", "H")],
        ctx=[("Extreme poverty is increasingly concentrated in [fragile|rural] settings where markets and services are thin.", "L"),
             ("Graduation programmes have performed well in several randomised trials, but it is not obvious who should pay for them.", "L"),
             ("Many poverty programmes are judged by how much they spend rather than by changes in household welfare.", "*")],
        units=["implementing NGOs", "providers"]),
}

# More background sentences per policy area: (sentence, income setting).
BG_EXTRA = {
    "Homelessness": [("[Temporary accommodation|Emergency shelter] [absorbs|consumes] a growing share of [local|municipal] housing budgets while doing little to end homelessness.", "H"),
                     ("People with long histories of homelessness [rarely|seldom] fit the eligibility rules of [mainstream|specialist] services designed one problem at a time.", "H"),
                     ("[Councils|Cities] have [struggled|found it hard] to fund the intensive, open-ended support that [entrenched|long-term] rough sleepers need.", "H")],
    "Criminal justice": [("[About|Roughly] half of adults released from prison are reconvicted within a few years, and the [rate|proportion] is higher after short sentences.", "H"),
                         ("The first weeks after release, when housing, money and medication are [often|frequently] missing, carry the highest risk of reoffending.", "H"),
                         ("[Rehabilitation|Resettlement] services are [spread|divided] across prisons, probation, housing and health, and nobody is paid for [the end result|whether people stop offending].", "*")],
    "Child and family welfare": [("The cost of [residential|out-of-home] placements has [risen|grown] faster than [children's services|child welfare] budgets.", "H"),
                                 ("Evidence-based family interventions exist, but [commissioners|agencies] [rarely|seldom] fund them at scale because the savings [fall|arrive] years later.", "H"),
                                 ("[Early help|Prevention] budgets are often the first to be cut when [demand|spending] on statutory services rises.", "H")],
    "Employment and training": [("[Employment programmes|Welfare-to-work schemes] have [long|often] been criticised for paying providers to process people rather than to get them into lasting work.", "*"),
                                ("[Disadvantaged|Marginalised] jobseekers [often|typically] need [months|a long period] of support before they are ready for [work|a job interview].", "H"),
                                ("[Employers|Firms] [report|complain of] skills shortages even as [many|large numbers of] young people remain out of work.", "L")],
    "Health": [("[Preventive|Community] services [compete|struggle] for funding with acute care, whose [demands|costs] are more immediate.", "H"),
               ("[Health workers|Staff] in [rural|public] facilities are [often|frequently] poorly paid and [weakly|rarely] supervised, and absenteeism is common.", "L"),
               ("[Out-of-pocket|Direct] payments [remain|are still] a major barrier to [care|health services] for poorer households.", "L"),
               ("[Chronic disease|Ill health] [concentrates|is concentrated] in deprived areas, where [access to care|use of preventive services] is lowest.", "H")],
    "Education": [("[Learning assessments|Citizen-led assessments] [show|have shown] that many children complete several years of school without learning to read.", "L"),
                  ("[Teacher absence|Large classes] and [weak|little] support for [struggling pupils|children who fall behind] [hold back|limit] learning.", "L"),
                  ("[Pupils|Children] who are excluded from school are [far|much] more likely to [leave without qualifications|become NEET later].", "H")],
    "Agriculture and environment": [("[Donor|Public] spending on [water|agriculture] has [long|often] been measured by [infrastructure built|inputs delivered] rather than by [services that last|results achieved].", "L"),
                                    ("[Nature-based|Green] infrastructure is [promoted|advocated] as cheaper than [grey|conventional] infrastructure, but its performance is uncertain.", "H"),
                                    ("[Climate change|Erratic rainfall] is [increasing|raising] the risks faced by [rain-fed|small-scale] farmers.", "L")],
    "Poverty reduction": [("[Poor|Low-income] households [face|live with] volatile incomes and [few|limited] ways to save or borrow.", "*"),
                          ("[Funders|Donors] [increasingly|more and more] [ask|want to know] whether poverty programmes change incomes and assets rather than how many people they reach.", "L")],
}
for _a, _xs in BG_EXTRA.items():
    AREAS[_a]["ctx"].extend(_xs)

# What a second policy area adds to a first: (topics, metrics).
PAIR_DETAIL = {
    ("Homelessness", "Health"): (["mental health", "drug and alcohol use", "access to health care"],
                                 ["engagement with mental health services", "registration with a GP", "-emergency department attendances"]),
    ("Homelessness", "Criminal justice"): (["offending", "contact with the criminal justice system"], ["-arrests", "-days in custody"]),
    ("Homelessness", "Employment and training"): (["employment", "work and training"], ["entry into work", "entry into training"]),
    ("Criminal justice", "Employment and training"): (["employment after prison", "jobs for people with convictions"], ["employment after release", "job retention"]),
    ("Criminal justice", "Homelessness"): (["housing after release", "homelessness among people leaving prison"], ["stable accommodation on release", "tenancy sustainment"]),
    ("Criminal justice", "Health"): (["substance misuse", "mental health"], ["engagement with drug treatment", "completion of drug treatment"]),
    ("Child and family welfare", "Education"): (["the education of children in care", "school attendance"], ["school attendance", "educational attainment"]),
    ("Child and family welfare", "Health"): (["child health", "parental mental health"], ["healthy birth outcomes", "parental wellbeing"]),
    ("Child and family welfare", "Poverty reduction"): (["family poverty", "household income"], ["household income", "debt reduction"]),
    ("Employment and training", "Poverty reduction"): (["household poverty", "livelihoods", "household income"], ["household income", "income stability"]),
    ("Employment and training", "Education"): (["skills and qualifications", "further education", "basic skills"], ["qualifications achieved", "re-engagement in education"]),
    ("Employment and training", "Health"): (["mental health", "health conditions that limit work"], ["wellbeing scores", "return to work after sickness absence"]),
    ("Health", "Poverty reduction"): (["household poverty", "catastrophic health spending"], ["household consumption", "financial protection"]),
    ("Health", "Child and family welfare"): (["child health", "early childhood"], ["child immunisation", "healthy birth outcomes"]),
    ("Health", "Homelessness"): (["homelessness", "housing instability"], ["stable accommodation", "tenancy sustainment"]),
    ("Education", "Child and family welfare"): (["child protection", "family support"], ["school attendance of children in need", "family engagement"]),
    ("Education", "Employment and training"): (["youth employment", "the transition to work"], ["job entry", "entry into apprenticeships"]),
    ("Agriculture and environment", "Poverty reduction"): (["rural poverty", "livelihoods", "household income"], ["household income", "food security"]),
    ("Poverty reduction", "Employment and training"): (["self-employment", "youth employment"], ["self-employment", "job placement"]),
    ("Poverty reduction", "Agriculture and environment"): (["smallholder farming", "agricultural livelihoods"], ["crop yields", "farm incomes"]),
    ("Poverty reduction", "Education"): (["children's schooling", "education"], ["school enrolment", "school attendance"]),
}

# Sentences joining a second policy area to the first.
CROSS = [
    "[Payments|Outcome payments] also covered {metric_b}, [recognising|reflecting the fact] that many participants needed help with {topic_b} as well.",
    "Because {group} often faced problems with {topic_b}, the service also worked towards {metric_b}.",
    "The [contract|programme] thus [spanned|straddled] {topic_a} and {topic_b}, two fields [usually|normally] funded from separate budgets.",
    "[Alongside|In addition to] {metric}, [progress|results] on {metric_b} [counted|were tracked] as evidence that the work on {topic_b} was paying off.",
    "[A second strand|Another strand] of work addressed {topic_b}, with {metric_b} as its main measure.",
]


# ====================================================================== approaches (English)
# names: bare names by country ("*" default); np: with article; mech: short
# definite forms used in theme sentences; plural: for titles and conclusions;
# desc: sentences describing how this contract works (entries may be
# (text, {"areas": {...}}) to restrict them to some policy areas);
# ctx: background sentences; second: sentences that introduce it as a
# secondary mechanism in a record about another one.

SIB, DIB, PBR, OF, RBF, PBC = ("social impact bond", "development impact bond", "payment by results",
                               "outcomes fund", "results-based financing", "performance-based contract")

APPROACHES = {
    SIB: dict(
        names={"*": ["social impact bond"],
               "US": ["Pay for Success project", "Pay for Success contract", "social impact bond"],
               "AU": ["social benefit bond", "social impact bond", "social impact bond"],
               "GB": ["social impact bond", "social impact bond", "social outcomes contract"]},
        abbr="SIB",
        mech=["the bond", "the SIB", "the impact bond"],
        plural=["social impact bonds", "SIBs", "impact bonds"],
        desc=["Under the {mname}, {investor} provided [upfront|working] capital of {capital} to {provider}, and {payer} agreed to repay investors, with a return, if targets for {metric} were met [against an agreed baseline|relative to a comparison group].",
              "{payer} acted as outcome payer, [committing|setting aside] up to {capital} over the {duration} contract for outcomes such as {metric} and {metric2}.",
              "The deal was arranged by {intermediary}, which raised capital from {investor} and [managed performance|oversaw delivery] on the investors' behalf.",
              "Investors bore the risk of failure: if targets for {metric} were missed, [they stood to lose some or all of their capital|their capital would not be repaid].",
              "{payer} paid a fixed sum for each person achieving an outcome, with a cap on total payments [and on investors' returns|over the life of the contract].",
              "The {duration} {mname} was to work with {cohort} people referred in successive cohorts, with {provider} delivering the service.",
              "Outcomes were [verified|validated] by {validator} before each payment was released to investors.",
              "{provider} delivered the service, paid [monthly|quarterly] out of the investors' capital rather than by the commissioner.",
              "Repayment of the capital raised from {investor}, {capital} in all, depended on {metric}, measured against [a historical baseline|a matched comparison group|a randomised control group]."],
        ctx=["Social impact bonds promise to transfer financial risk from government to investors and to fund prevention that budgets would not otherwise support.",
             ("Since the first social impact bond was launched in 2010, the model has spread to many countries, but evaluation evidence remains thin.", {"minyear": 2014}),
             "Advocates present social impact bonds as a way to bring private capital and performance discipline into public services; critics see a form of privatisation.",
             "In a social impact bond, private investors pay for a service up front and are repaid by government only if agreed outcomes are achieved."],
        second=["The service was [financed|funded] through a social impact bond, with {investor} providing the working capital.",
                "Some of the contracts were structured as social impact bonds, in which {investor} funded delivery and bore the risk of failure.",
                "[Part of the programme|One strand of delivery] was funded through a social impact bond rather than directly."]),
    DIB: dict(
        names={"*": ["development impact bond"]},
        abbr="DIB",
        mech=["the bond", "the DIB", "the impact bond"],
        plural=["development impact bonds", "DIBs", "impact bonds in development"],
        desc=["In the {mname}, {investor} funded {provider} up front and {donor} agreed to pay for verified results on {metric}.",
              "{donor} served as outcome funder, while {investor} provided risk capital of {capital}.",
              "Repayment of the investor was tied to {metric} and {metric2}, measured by {validator}.",
              "As is usual for development impact bonds, the outcome funder was a donor rather than the government, although [government officials sat on the steering committee|the relevant ministry endorsed the targets].",
              "The {duration} bond aimed to reach {cohort} people, with payments due [annually|at the end of the contract] on the basis of independent verification.",
              "{provider} [implemented|delivered] the programme, with {intermediary} handling performance management for the investor."],
        ctx=["Development impact bonds bring private capital into aid programmes, with donors or foundations paying only for verified results.",
             ("Development impact bonds have attracted attention as a way to focus aid on outcomes, though only a few dozen have been launched.", {"minyear": 2018}),
             "A development impact bond adapts the impact bond model to aid: investors fund a programme and a donor pays them back if results are achieved."],
        second=["A development impact bond financed [part of the work|one component], with {donor} as outcome funder.",
                "The programme later attracted a development impact bond, in which {investor} took on the performance risk."]),
    PBR: dict(
        names={"*": ["payment-by-results contract", "payment-by-results scheme", "payment-by-results contract"]},
        mech=["the contract", "the PbR contract", "payment by results"],
        plural=["payment-by-results contracts", "payment by results"],
        desc=["{payer} paid providers [partly|largely|wholly] on results, with [a small attachment fee|an upfront fee] followed by payments for {metric} and {metric2}.",
              "Under the payment-by-results [contract|scheme], [up to|around] [a fifth|a third|half|all] of the provider's income depended on {metric}.",
              "{provider} carried the financial risk of under-performance itself, [drawing on its reserves|with a bank overdraft|using working capital from a parent organisation].",
              "Payment tariffs under the {mname} varied with the [difficulty of the case|participant group], with higher payments for those judged hardest to help.",
              "Results were checked against administrative records before payments were released to {provider}.",
              "Payment-by-results terms were built into {duration} contracts let by {payer}."],
        ctx=["Payment by results became a prominent tool of public service reform, promising innovation and greater freedom for providers.",
             "Payment by results shifts some of the risk of failure from the purchaser to the provider.",
             "Payment by results links what providers are paid to what they achieve rather than to what they do."],
        second=["Earlier contracts for the same population had used payment by results without an investor.",
                "[Some|Several] providers were paid by results directly, without an investor layer.",
                "A payment-by-results element [was added|applied] to [part of the budget|the providers' contracts]."]),
    OF: dict(
        names={"*": ["outcomes fund"]},
        mech=["the fund", "the outcomes fund"],
        plural=["outcomes funds"],
        desc=["The project was one of several co-funded by {fund_x}, which [topped up|contributed to] local outcome payments.",
              "{fund_x} pooled money from [public and philanthropic sources|several funders] to pay for results across a portfolio of contracts.",
              "A contribution from {fund_x} covered a share of each outcome payment and eased the burden on {payer}.",
              "Paying through an outcomes fund allowed {payer} to share the cost of outcomes with other funders."],
        ctx=["Outcomes funds pool money from one or more funders to pay for results across many contracts.",
             "Outcomes funds were created to lower the barriers local commissioners face in paying for outcomes."],
        second=["Outcome payments were part-funded by {fund_x}.",
                "The contract drew top-up payments from {fund_x}, which covered several similar projects."]),
    RBF: dict(
        names={"*": ["results-based financing programme", "results-based financing scheme"],
               "Health": ["performance-based financing scheme", "results-based financing programme", "performance-based financing programme", "pay-for-performance scheme"],
               "Agriculture and environment": ["output-based aid programme", "results-based financing programme", "results-based payment scheme"],
               "Education": ["results-based financing programme", "results-based aid programme"]},
        mech=["the scheme", "results-based financing", "the programme"],
        plural=["results-based financing", "performance-based financing"],
        desc=["Under the {mname}, {units} received payments for each verified service delivered, such as {metric}, scaled by a quality score.",
              "Quality scores were based on [checklists|supervisory visits], and reported results were counter-verified through [household surveys|spot checks].",
              "{units} could spend the results-based payments on [staff bonuses|drugs|equipment|repairs] with considerable autonomy.",
              "{donor} financed the {mname}, disbursing funds against results verified by {validator}.",
              "The {mname} was funded by {donor} and managed by [a purchasing agency|the ministry|a contracted fund holder] separate from the {units} it paid.",
              "Payments under the {mname} were made [quarterly|every six months] against a menu of indicators, including {metric} and {metric2}.",
              ("Output-based subsidies were paid to {units} only after [connections|services] had been delivered and independently checked.", {"areas": {"Agriculture and environment", "Poverty reduction"}}),
              ("Funds were released to {units} against disbursement-linked indicators such as {metric}.", {"areas": {"Education", "Agriculture and environment"}})],
        ctx=[("Results-based financing has been widely adopted in the health systems of low- and middle-income countries since the mid-2000s.", {"minyear": 2010, "areas": {"Health"}}),
             "Results-based financing links disbursement of funds to verified results rather than to inputs.",
             ("Output-based aid ties subsidies to the delivery of specified outputs, such as working water connections.", {"areas": {"Agriculture and environment"}})],
        second=["The same districts also ran a results-based financing scheme that paid {units} for verified services.",
                "Results-based financing from {donor} was layered on top of the contract."]),
    PBC: dict(
        names={"*": ["performance-based contract", "performance-based contracting arrangement", "pay-for-performance contract"]},
        mech=["the contract", "performance contracting", "the performance contract"],
        plural=["performance-based contracts", "performance-based contracting"],
        desc=["The agency's performance-based contracts with providers tied [a share of payments|bonuses|contract renewal] to indicators such as {metric}.",
              "Performance-based contracts replaced [cost-reimbursement|grant] arrangements, with [penalties|bonuses] linked to {metric}.",
              "Under the {mname}, providers were ranked on performance ratings that determined their share of future referrals.",
              "The {mname} specified targets for {metric} and {metric2}, and part of the fee was withheld when targets were missed.",
              "{payer} moved to performance-based contracting for these services in an attempt to improve performance on {metric}.",
              "Under the {mname}, incentive payments rewarded {provider} for exceeding targets for {metric}."],
        ctx=[("Performance-based contracting spread as governments contracted out human services from the 1990s onwards.", {"minyear": 2000}),
             "Performance-based contracts attach part of a provider's payment to measured performance rather than to inputs."],
        second=["Providers also held performance-based contracts with bonuses tied to {metric}.",
                "A performance-based contract governed the relationship between the lead provider and its subcontractors."]),
}

# Outcomes funds by country (an outcomes fund names its country when it has one).
FUNDS = {
    "GB": [("the Life Chances Fund", 2017, None), ("the Commissioning Better Outcomes Fund", 2014, None),
           ("the Fair Chance Fund", 2015, {"Homelessness"}),
           ("the Youth Engagement Fund", 2015, {"Education", "Employment and training"}),
           ("the Innovation Fund", 2012, {"Employment and training", "Education"}),
           ("the Refugee Transitions Outcomes Fund", 2021, {"Employment and training"})],
    "PT": [("the outcomes fund of Portugal Inovação Social", 2016, None)],
    "SL": [("the Sierra Leone Education Innovation Challenge", 2021, {"Education"})],
    "CO": [("Colombia's outcomes fund", 2019, None)],
    "*": [("a national outcomes fund", 2014, None), ("a pooled outcomes fund", 2014, None),
          ("a regional outcomes fund", 2016, None), ("a city outcomes fund", 2016, None)],
    "L": [("the Education Outcomes Fund", 2019, {"Education"}), ("a donor-backed outcomes fund", 2016, None),
          ("a multi-donor outcomes fund", 2017, None)],
}

INVESTORS_H = ["a social investment fund", "a group of charitable foundations", "the impact investing arm of a commercial bank",
               "a community foundation", "a social bank", "philanthropic investors", "a social investment wholesaler",
               "local philanthropists", "a pension fund's impact allocation", "a consortium of impact investors",
               "a family foundation", "a credit union and two foundations"]
INVESTORS_L = ["an impact investor", "a private foundation", "a development finance institution", "a local impact fund",
               "a family foundation", "a philanthropic investor", "a regional impact investment fund", "a consortium of impact investors"]
DONORS = ["a private foundation", "a children's foundation", "a bilateral donor agency", "a multilateral development bank",
          "a consortium of donors", "the World Bank", "a philanthropic foundation", "a global health fund",
          "a donor trust fund", "a coalition of foundations and a bilateral donor"]
INTERMEDIARIES = ["a social finance intermediary", "a specialist intermediary", "a performance management intermediary",
                  "a nonprofit intermediary", "a management consultancy", "a social investment intermediary",
                  "a special purpose vehicle owned by the provider"]
VALIDATORS = ["an independent evaluator", "an independent verification agent", "a university research team",
              "a third-party verifier", "an external survey firm", "an independent auditor"]
DURATIONS = ["three-year", "four-year", "five-year", "six-year", "seven-year", "two-year", "eight-year"]
COHORTS = ["about 200", "around 300", "some 450", "nearly 600", "more than 800", "about 1,000",
           "around 1,500", "over 2,000", "several thousand", "about 120", "roughly 250", "some 380"]

# Payers by setting and policy area.
PAYERS_H = {
    "*": ["the local authority", "the city council", "the national government", "the municipality", "the regional government"],
    "Criminal justice": ["the justice ministry", "the department of corrections", "the probation service"],
    "Employment and training": ["the labour ministry", "the public employment service", "the welfare agency"],
    "Health": ["the health authority", "the regional health commissioner", "the health insurer"],
    "Child and family welfare": ["children's services", "the child welfare agency", "the social services department"],
    "Homelessness": ["the housing department", "the local authority's housing service"],
    "Education": ["the education department", "the school district"],
    "Agriculture and environment": ["the water authority", "the environment agency"],
    "Poverty reduction": ["the social affairs ministry", "the welfare agency"],
}
PAYERS_C = {
    "GB": {"*": ["the council", "the local authority", "the county council"],
           "Criminal justice": ["the Ministry of Justice"], "Employment and training": ["the Department for Work and Pensions"],
           "Health": ["the clinical commissioning group", "local NHS commissioners"], "Education": ["the Department for Education"],
           "Homelessness": ["the Ministry of Housing, Communities and Local Government"]},
    "US": {"*": ["the state", "the county", "the city", "the state government"],
           "Employment and training": ["the state workforce agency", "the US Department of Labor"],
           "Health": ["the state Medicaid agency"], "Criminal justice": ["the state department of corrections"],
           "Agriculture and environment": ["the city's water and sewer authority"]},
    "AU": {"*": ["the state government", "the state treasury"]},
    "CA": {"*": ["the provincial government"]},
    "JP": {"*": ["the municipal government", "the city"]},
}
PAYERS_L = {
    "*": ["the national government", "the state government", "the district administration"],
    "Health": ["the ministry of health", "the provincial health department"],
    "Education": ["the ministry of education", "the state education department"],
    "Employment and training": ["the ministry of labour", "the national training agency", "the city government"],
    "Agriculture and environment": ["the ministry of agriculture", "the water regulator"],
    "Poverty reduction": ["the social protection ministry"],
}


# ====================================================================== themes (English)
# Each entry is (mode, sentence).  Modes: A any single-programme study,
# P services for people in high-income settings or casework services,
# B impact bonds, C contracts without investors, R results-based financing,
# RH results-based financing in health, G reviews and multi-case studies.  {mech} is the record's mechanism,
# {units} who gets paid under RBF, {finding} a finding about outcomes.

T_DELIVERY, T_UTIL, T_OUTCOMES, T_UNINTENDED, T_AUX, T_ACCEPT, T_SATIS, T_MIS, T_COSTS, T_EQUITY, \
    T_DESIGN, T_INVESTOR, T_SCALE, T_REL, T_SYSTEM, T_CULTURE, T_LEGACY = (
        "changes in service delivery", "changes in utilisation", "changes in person-level outcomes",
        "unintended effects", "auxiliary resources or parallel reforms", "acceptability (political or cultural)",
        "participant or provider satisfaction", "management information systems", "costs and transaction costs",
        "equity considerations", "development and design process", "independent investor involvement",
        "scale or scalability", "relationships between contracted parties", "ecosystem or system-strengthening effects",
        "changes in provider performance or culture", "long-term sustainment and legacy effects")

THEMES = {
    T_DELIVERY: [
        ("P", "Staff described greater flexibility to [tailor|personalise] support, moving away from the [rigid|prescriptive] specifications of earlier contracts."),
        ("P", "The outcome focus encouraged [staff|managers] to try new ways of working, such as [longer-term|more intensive] contact with {group}."),
        ("P", "Caseloads were reduced and frontline workers spent more time with individual [clients|participants], although paperwork also grew."),
        ("A", "The service model changed [markedly|noticeably] over the contract, as teams dropped activities that did not contribute to {metric}."),
        ("B", "Because investors funded the service up front, the provider could recruit staff quickly and adapt the model mid-contract without renegotiating with {payer_s}."),
        ("C", "Payment on results led the provider to concentrate effort on activities most closely linked to {metric} and to cut generic [group sessions|training] with little payoff."),
        ("RH", "{units} extended opening hours, began outreach and restocked essential supplies once the first payments arrived."),
        ("RH", "Health workers reported more regular outreach to communities and closer attention to clinical protocols."),
        ("P", "Practice changed little: frontline workers described the service as much the same as what had been delivered under [grant funding|the previous contract]."),
        ("P", "The freedom to spend flexible budgets on [small practical items|whatever unblocked progress] was seen as the most important change in how support was delivered."),
        ("R", "{units} spent part of the payments on [minor repairs|equipment|transport for referrals], and the structural quality of services improved."),
        ("P", "Delivery shifted from time-limited interventions to support that lasted as long as it was needed."),
        ("G", "Most studies report that outcome-based payment gave providers more latitude over how services were delivered, though few document what actually changed on the ground."),
        ("G", "Evidence on innovation in service delivery is mixed: several contracts funded established interventions rather than new ones."),
    ],
    T_UTIL: [
        ("A", "Take-up of the service among {group} rose steadily over the contract period."),
        ("P", "Referral volumes fell short of projections, and enrolment was slower than planned in the first year."),
        ("R", "Use of services that attracted payments, notably {metric}, rose, while services outside the payment formula changed little."),
        ("R", "Service use grew most where baseline coverage had been low, with smaller changes elsewhere."),
        ("A", "Engagement proved hard to sustain: many {group} dropped out after first contact."),
        ("A", "The share of eligible people who took up the offer rose from a minority to a clear majority as outreach improved."),
        ("P", "Participants' use of emergency and crisis services declined over the period of support."),
        ("R", "Household survey data showed higher coverage of {metric} in districts with {mech} than in comparison districts."),
        ("A", "Attendance was high among those who enrolled, but reaching {group} who had not used services before remained difficult."),
        ("G", "Across the studies, effects on service utilisation were more consistently positive than effects on final outcomes."),
        ("G", "Several evaluations report under-referral, with fewer people entering programmes than contracts assumed."),
    ],
    T_OUTCOMES: [
        ("A", "Compared with a matched comparison group, participants showed {finding}."),
        ("A", "The evaluation found {finding} among {group}."),
        ("A", "Results for {metric} were encouraging, while effects on {metric2} were weaker and less certain."),
        ("A", "Against the agreed baseline, performance on {metric} improved by a [modest|substantial|meaningful] margin, although attribution to the service was uncertain without a control group."),
        ("P", "By the end of the contract, [most|a majority|around half] of {group} had achieved at least one paid outcome."),
        ("B", "The trial found no significant difference in {metric} at follow-up, so no outcome payments were made to investors."),
        ("R", "Measures of {metric} improved faster in intervention districts than in comparison districts."),
        ("A", "Effects on {metric} were largest among participants who stayed engaged for longer."),
        ("P", "Self-reported wellbeing improved, together with {finding}."),
        ("A", "Outcome targets for {metric} were [met|exceeded] in [most|all but one] of the cohorts."),
        ("A", "For {group}, the data show {finding}, though the effect on {metric2} was not statistically significant."),
        ("G", "Evidence that outcome-based contracts improve outcomes for service users is limited, and few studies use a credible counterfactual."),
        ("G", "Where rigorous comparisons exist, effects on person-level outcomes range from none to moderate."),
    ],
    T_UNINTENDED: [
        ("A", "There was evidence of cream-skimming, with staff focusing on participants most likely to achieve {metric}."),
        ("P", "Some participants received little support once it became clear they were unlikely to generate an outcome payment."),
        ("A", "Staff reported pressure to game the metrics, for example by timing claims to secure payment."),
        ("A", "Tying payment to {metric} narrowed the service's focus and drew attention away from needs that were not paid for."),
        ("RH", "Health workers gave less attention to services that attracted no payment, and some {units} over-reported results until verification was tightened."),
        ("A", "The study found no clear evidence of cream-skimming or parking, partly because referrals were controlled by public agencies rather than the provider."),
        ("A", "A binary outcome measure created a perverse incentive to prioritise people close to the threshold."),
        ("C", "Tiered payment tariffs only partly reduced the incentive to concentrate on the easiest cases."),
        ("A", "Unintended consequences included displacement of other local services and friction with statutory agencies."),
        ("G", "Concerns about cream-skimming, parking and gaming recur across the literature, but direct evidence of them is patchy."),
        ("G", "Several studies document perverse incentives created by narrow or binary outcome measures."),
    ],
    T_AUX: [
        ("P", "Results were shaped by reforms running alongside the contract, notably [welfare reforms|cuts to local services|a new national strategy] that affected {group}."),
        ("A", "Results were shaped by [policy changes|reforms] running alongside the programme that affected {group}."),
        ("A", "The provider drew on charitable funding and volunteer time that were not reflected in the contract price."),
        ("A", "Parallel investment by government and other funders made it hard to attribute changes in {metric} to {mech} alone."),
        ("RH", "The {mname} was introduced together with [the removal of user fees|a national health insurance scheme|extra donor funding for drugs and equipment], which complicates attribution."),
        ("A", "Technical assistance funded separately by a foundation was essential to getting the programme off the ground."),
        ("A", "Pandemic restrictions forced changes to delivery, and temporary emergency funding was added to keep the service running.", {"minyear": 2021}),
        ("A", "Other services for the same population, run by different agencies, overlapped with the contract in ways the evaluation could only partly disentangle."),
        ("G", "Many contracts relied on grants, technical assistance and in-kind support that sit outside the outcome payments and are rarely costed."),
        ("G", "Parallel reforms and additional resources are a common confounder in the studies reviewed."),
    ],
    T_ACCEPT: [
        ("B", "Interviewees were divided over whether it was ethical for private investors to profit from services for {group}."),
        ("A", "Political support for {mech} rested on a few champions among senior officials rather than broad consensus."),
        ("P", "Trade unions and some professional bodies opposed the model as a step towards the privatisation of public services."),
        ("P", "Some frontline professionals were uneasy about putting a price on outcomes for {group}."),
        ("B", "The language of investment and returns sat uneasily with professional norms of care, but resistance softened as the service became established."),
        ("R", "District officials broadly accepted {mech} as a way of rewarding effort, though some questioned whether bonuses fitted civil service rules."),
        ("A", "Opposition politicians questioned whether risk had really been transferred and how transparent the deal was."),
        ("P", "Officials valued {mech} chiefly as a way of protecting preventive spending from budget cuts."),
        ("P", "Community norms about who should provide care shaped how the approach was received locally."),
        ("G", "The political and ethical acceptability of paying for outcomes is contested, and the debate often runs ahead of the evidence."),
        ("G", "Studies report that support for outcome-based contracts depends heavily on political champions and on how the model is framed."),
    ],
    T_SATIS: [
        ("P", "Participants valued the persistence of their [key workers|caseworkers|coaches] and said they felt listened to."),
        ("A", "Frontline staff reported greater job satisfaction from being able to use their judgement, though some felt stressed by outcome targets."),
        ("A", "A survey of participants found generally high satisfaction, and most said they would recommend the service."),
        ("RH", "Patient satisfaction improved slightly after the introduction of {mech}, especially regarding waiting times and staff attitudes."),
        ("RH", "Health workers welcomed the bonuses but were frustrated by late payments and the time spent on reporting."),
        ("P", "Some service users found the outcome assessments intrusive, and a few withdrew as a result."),
        ("A", "Staff morale dipped when early outcome payments lagged, and recovered as results improved."),
        ("P", "Families described the service as more flexible and responsive than other support they had received."),
        ("G", "Few studies collect data on user satisfaction; those that do generally report positive experiences."),
        ("G", "Provider staff experience is mixed across the cases, with autonomy valued and reporting burdens resented."),
    ],
    T_MIS: [
        ("P", "A new case management system allowed managers to track progress weekly and intervene when cases stalled."),
        ("A", "Linking administrative datasets to verify {metric} proved slower than expected, delaying the first payments."),
        ("A", "The contract brought detailed performance management, with monthly dashboards of referrals, engagement and outcomes."),
        ("R", "Data quality improved as counter-verification exposed gaps between reported and verified results."),
        ("RH", "The {mname} relied on the routine health information system, which needed strengthening before payments could be calculated."),
        ("A", "Reporting requirements absorbed a considerable share of staff time, particularly in the first year."),
        ("A", "Sharing outcome data between agencies required new data-sharing agreements."),
        ("A", "Regular outcome data helped managers spot weak referral routes and redirect effort."),
        ("G", "Outcome-based contracts depend on data infrastructure that many public agencies lack, and building it is a recurring theme in the studies reviewed."),
        ("G", "Measurement and verification systems receive more attention in the grey literature than in academic studies."),
    ],
    T_COSTS: [
        ("A", "Transaction costs were high: legal and advisory fees and negotiation time added considerably to the price of a relatively small service."),
        ("A", "Cost per outcome compared favourably with alternative provision, but the estimate is sensitive to the choice of counterfactual."),
        ("P", "Projected savings from lower demand for [acute|crisis] services proved smaller than the business case had forecast."),
        ("A", "A cost-benefit analysis indicated that benefits exceeded programme costs over a [five|ten]-year horizon."),
        ("B", "The cost of capital raised the total cost to {payer_s} compared with funding the same service directly."),
        ("R", "Independent verification absorbed a non-trivial share of programme spending, raising questions about value for money."),
        ("R", "The {mname} appeared cost-effective per additional service delivered, though estimates varied by setting."),
        ("A", "Setting up the contract took many months of officials' time, a cost rarely counted in value-for-money comparisons."),
        ("P", "Savings were hard to release because avoided costs were spread across several agencies' budgets."),
        ("G", "Transaction costs are consistently reported as high relative to contract size, especially for early and bespoke deals."),
        ("G", "Few studies estimate cost-effectiveness, and claimed savings are rarely verified after the fact."),
    ],
    T_EQUITY: [
        ("A", "Gains were smaller for [women|older participants|people with disabilities], raising distributional concerns."),
        ("A", "The contract deliberately targeted {group} with the greatest needs, paying higher tariffs for their outcomes."),
        ("R", "Benefits went disproportionately to better-off households, while the poorest gained less."),
        ("R", "Equity bonuses for remote {units} narrowed but did not close gaps in {metric}."),
        ("A", "Gender-disaggregated data showed that girls and women benefited as much as men and boys on {metric}."),
        ("A", "Outcome payments can push providers away from the most marginalised, but the evidence of this in the present case was mixed."),
        ("A", "Rural participants were less likely to achieve outcomes, prompting the partners to revise targets for them."),
        ("P", "Minority and migrant families were under-represented among referrals, an issue the evaluators examined further."),
        ("G", "Equity is rarely an explicit objective of the contracts reviewed, and distributional effects are seldom analysed."),
        ("G", "Several studies warn that outcome metrics can steer providers towards easier-to-help groups at the expense of the most disadvantaged."),
    ],
    T_DESIGN: [
        ("A", "Developing the contract took [around two years|eighteen months|far longer than planned], largely because of disagreement over the baseline for {metric}."),
        ("A", "Outcome metrics were chosen to be simple to verify, which left important aspects of progress unpaid."),
        ("A", "Prices were set from estimates of public savings rather than from the cost of delivery."),
        ("A", "A feasibility study examined candidate outcome metrics, sources of data and the likely size of the cohort."),
        ("A", "Procurement used a negotiated procedure that allowed bidders to shape the specification."),
        ("A", "Choosing the counterfactual against which payments would be judged was one of the hardest decisions in the design phase."),
        ("R", "The paid indicators and their unit prices were set by the ministry with input from donors and revised after a pilot year."),
        ("A", "Questions about which party bore the downside risk dominated the negotiations."),
        ("A", "The partners drew on results from earlier trials to calibrate realistic targets."),
        ("G", "Designing outcome metrics, setting prices and agreeing baselines are the most frequently discussed challenges in the literature."),
        ("G", "Design processes were typically long and dependent on external advisers and grant-funded technical assistance."),
    ],
    T_INVESTOR: [
        ("B", "Investors took an active part in governance, attending monthly boards and pressing for corrective action when referrals fell behind."),
        ("B", "Returns were below market rates, and most investors described themselves as motivated by social goals as much as by financial return."),
        ("B", "Investors recovered only part of their capital when targets were missed, a result that demonstrated genuine risk transfer."),
        ("B", "The investors were repaid in full, with a return, after targets for {metric} were exceeded."),
        ("B", "Few mainstream investors took part; most of the capital came from foundations prepared to accept unusual risk."),
        ("B", "The intermediary acting for investors insisted on close monitoring, which some staff found supportive and others intrusive."),
        ("B", "A guarantee from a foundation limited losses for senior investors, complicating claims of risk transfer."),
        ("B", "Investor due diligence shaped the choice of intervention and the structure of the deal."),
        ("G", "Investors in the impact bonds reviewed were mostly philanthropic or mission-driven, and commercial capital remained scarce."),
        ("G", "The studies disagree on whether investors added performance discipline or merely financed established services."),
    ],
    T_SCALE: [
        ("A", "The authors consider whether the model could be replicated in other areas, noting its dependence on local champions."),
        ("A", "After the first contract, the programme was extended to additional sites."),
        ("R", "The {mname} was scaled up to all districts after the pilot, but at lower unit prices."),
        ("A", "Bespoke contract structures and the effort needed to negotiate each deal limit the scope for taking the model to scale."),
        ("A", "Standard contract templates and rate cards were proposed as ways to make the model easier to replicate."),
        ("A", "The small size of the deal raises doubts about whether the mechanism can serve more than a small number of {group}."),
        ("A", "Replication in new settings required changes to outcome definitions and prices."),
        ("G", "Most outcome-based contracts remain small, and few have been replicated or scaled without substantial changes."),
        ("G", "Outcomes funds and standardised metrics are presented in the literature as the main routes to scale."),
    ],
    T_REL: [
        ("A", "Relationships between {payer_s}, the provider and other partners were largely collaborative, resting on frequent contact rather than the letter of the contract."),
        ("A", "Disagreements arose over referral numbers and the interpretation of outcome definitions, and were settled through contract variations."),
        ("A", "Trust between the partners grew as results came in, allowing pragmatic adjustments when problems arose."),
        ("A", "Some partners felt that contractual terms made the relationship more transactional than under grant funding."),
        ("B", "The intermediary played a brokering role, translating between the priorities of government and those of delivery staff."),
        ("R", "Relations between {units} and district authorities shifted as performance agreements formalised roles once left to administrative instruction."),
        ("A", "Staff turnover within the commissioning team disrupted relationships and slowed decisions."),
        ("A", "Stakeholders described the arrangement as a joint enterprise rather than a conventional purchaser-provider relationship."),
        ("G", "Relationships between commissioners, providers, investors and intermediaries are among the most studied aspects of these contracts."),
        ("G", "Across the cases, collaboration rather than contractual enforcement explains how partners responded to under-performance."),
    ],
    T_SYSTEM: [
        ("A", "The contract built commissioners' capacity to work with data and to commission services around outcomes."),
        ("P", "The experience prompted wider interest in outcomes-focused commissioning across the public sector."),
        ("RH", "The {mname} strengthened district supervision, facility financial management and accountability across the health system."),
        ("R", "Critics argue that donor-driven schemes such as this one fragmented public financing rather than strengthening it."),
        ("A", "A local market of intermediaries, advisers and outcome-ready providers developed around the contract."),
        ("A", "Data-sharing arrangements created for the contract were later used by other services."),
        ("A", "The project shaped later national guidance on commissioning services for {group}."),
        ("G", "Claims that outcome-based contracts strengthen wider systems are common but rarely tested."),
        ("G", "The literature points to effects on commissioning capability and data culture that outlast individual contracts."),
    ],
    T_CULTURE: [
        ("A", "The provider developed a more explicit performance culture, with teams routinely reviewing progress against outcomes."),
        ("A", "Smaller charities struggled to manage the financial risk and reporting demands, while larger organisations adapted more readily."),
        ("A", "Managers described a shift from reporting activities towards asking what difference the service was making."),
        ("RH", "Health workers' effort rose at first, but enthusiasm declined as payment delays mounted."),
        ("RH", "Facility managers gained more discretion over spending, which changed the way {units} were run."),
        ("A", "The contract prompted the provider to strengthen its analytical capacity and management."),
        ("A", "Performance varied widely between sites, and referrals were redirected from weaker sites to stronger ones."),
        ("A", "Some frontline workers felt that the emphasis on payable outcomes undermined professional judgement and the ethos of the organisation."),
        ("G", "Studies commonly report that providers became more data-driven, though some describe mission drift."),
        ("G", "The effect of outcome payments on provider culture depends on organisational size and financial resilience."),
    ],
    T_LEGACY: [
        ("A", "When the contract ended, the service was recommissioned from mainstream budgets, but without outcome payments."),
        ("A", "Delivery stopped when the outcome funding ran out, leaving participants without continuing support."),
        ("A", "Features of the model, such as flexible budgets and close tracking of outcomes, were retained in later services."),
        ("A", "Follow-up data several years after the programme suggested that effects on {metric} had partly faded."),
        ("R", "After donor funding ended, the ministry continued {mech} from its own budget on a smaller scale, but payments became irregular."),
        ("A", "The study examines what remained after the contract closed: partnerships, data systems and an appetite for similar commissioning."),
        ("A", "Effects on {metric} were largely sustained two years after support ended."),
        ("G", "Little is known about what happens after outcome-based contracts end, because few studies follow programmes beyond their contract period."),
        ("G", "Where legacy is documented, services were more often continued with conventional funding than with further outcome contracts."),
    ],
}

# More sentences for single-programme studies, with variants inside them.
A_EXTRA = {
    T_DELIVERY: [("P", "[Workers|Key workers|Caseworkers] said they could [now|finally] [spend time on|follow up] what mattered to each person rather than on [ticking boxes|meeting activity targets]."),
                 ("A", "The [delivery model|service offer] was [redesigned|revised] [twice|more than once] during the contract in response to [early results|monitoring data]."),
                 ("B", "[Working capital|Up-front funding] from investors allowed the provider to [pilot|test] [new|additional] [components|elements] that a fixed grant would not have covered."),
                 ("R", "{units} [reorganised|rearranged] [staffing|duty rotas] and [began|started] [outreach|community sessions] to reach people who had not used services before.")],
    T_UTIL: [("A", "[Demand|Referrals] [exceeded|outstripped] [expectations|the numbers assumed in the contract] [in the second year|once the service became known], [creating|which created] waiting lists."),
             ("P", "[Most|Many] referrals came from [statutory services|public agencies], and self-referral remained rare."),
             ("R", "[Coverage|Use] of [key|paid] services rose [faster|more quickly] in [poorer|remote] districts than in better-served ones.")],
    T_OUTCOMES: [("A", "[Outcome|Payment] data [indicate|suggest] {finding} over the [life of the contract|contract period]."),
                 ("A", "[Compared with|Relative to] [a historical baseline|the agreed baseline], the [programme|service] [achieved|delivered] {finding}."),
                 ("A", "[Most|The bulk] of the [paid|payable] outcomes were [achieved|claimed] in the [final|last] year, [when|as] [earlier|the first] cohorts [reached|completed] their [follow-up|measurement] period.")],
    T_UNINTENDED: [("A", "[Interviewees|Staff] [acknowledged|admitted] that the payment schedule [encouraged|pushed them towards] [quick wins|easy outcomes] over harder, longer-term work."),
                   ("A", "The [study|evaluation] [found|notes] that some [activities|needs] outside the payment [formula|schedule] were [neglected|deprioritised].")],
    T_AUX: [("A", "[Additional|Extra] [funding|resources] from [a foundation|other public budgets] [supported|paid for] [parts of|elements of] the service that the contract did not [cover|price]."),
            ("P", "[Changes|Reforms] to [benefits|local services] during the contract [altered|affected] the [circumstances|situation] of many participants.")],
    T_ACCEPT: [("A", "[Elected officials|Politicians] [were wary of|hesitated over] [committing|signing up to] multi-year outcome payments, [which|and this] [delayed|slowed] [approval|sign-off]."),
               ("B", "[Media coverage|Public debate] [focused on|concentrated on] investor returns rather than on what the [service|programme] [achieved|did] for {group}.")],
    T_SATIS: [("P", "[Participants|Service users] [interviewed|surveyed] for the [study|evaluation] [described|valued] [continuity|having one consistent worker] and practical help."),
              ("A", "[Delivery|Frontline] staff [appreciated|valued] the [autonomy|discretion] the contract gave them but [found|considered] the reporting [burdensome|heavy].")],
    T_MIS: [("A", "The [partners|provider] [invested|had to invest] in [a new database|an outcomes tracking system] and [staff training|training for data entry] before the first claims [could be|were] made."),
            ("A", "[Verification|Validation] of [outcome claims|results] [relied on|used] [matching to|linkage with] [administrative records|government data], which [took|needed] [months|several months] to [set up|arrange].")],
    T_COSTS: [("A", "The [price|cost] per [outcome|successful outcome] was [set|fixed] [below|well below] the estimated [public cost|cost to the state] of the problem it [addressed|targeted]."),
              ("B", "[Once|When] [investor returns|the return to investors] and [intermediary|management] fees are [included|counted], the [contract|deal] cost [more|somewhat more] than [direct funding|a conventional grant] would have.")],
    T_EQUITY: [("A", "[Targets|Outcome targets] were [set|priced] [separately|differently] for [groups|participants] [facing|with] [greater|higher] [barriers|needs], [to discourage|so as to discourage] [selection of easier cases|cherry-picking]."),
               ("A", "[Women|Young women] [were less likely|had a lower chance] to [achieve|reach] the [paid|payable] outcomes, [a gap|a difference] the [partners|evaluators] [attribute|trace] to [care responsibilities|caring duties].")],
    T_DESIGN: [("A", "[Agreeing|Negotiating] [what would count as|the definition of] [an outcome|success] [took|absorbed] [much|most] of the [design phase|preparatory work]."),
               ("A", "The [payment schedule|rate card] [combined|mixed] [engagement|early] payments with [larger|bigger] payments for {metric}, [to balance|balancing] risk [for|between] the [partners|parties].")],
    T_INVESTOR: [("B", "[A single|One] [investor|social investor] [provided|supplied] [most|nearly all] of the capital and [sat on|attended] the [project|programme] board."),
                 ("B", "[Investors|The investors] [monitored|tracked] [performance|results] [monthly|quarterly] and [approved|agreed to] [changes|adjustments] to the [delivery model|service design].")],
    T_SCALE: [("A", "[Commissioners|Officials] [in other areas|elsewhere] [visited|studied] the [project|programme] [with a view to|to consider] [replicating|adopting] it."),
              ("A", "[Expanding|Growing] the [service|model] [would require|would need] [a larger|a bigger] [outcome payer|pool of outcome funding] than [any single|one] [authority|commissioner] [could provide|could afford].")],
    T_REL: [("A", "[Monthly|Regular] [operational|project] meetings [gave|provided] a [forum|space] in which [problems|issues] were [raised|aired] [early|quickly] and [resolved|settled] [informally|without recourse to the contract]."),
            ("A", "[Relations|Relationships] [became|grew] [strained|tense] when [referrals|outcome claims] [fell behind|lagged], [before|but] [improving|recovering] [as|once] [results|performance] [picked up|improved].")],
    T_SYSTEM: [("A", "[Officials|Commissioners] [said|reported] that the [experience|contract] [changed|altered] how they [specify|write] [other|later] contracts, [with more attention to|placing more weight on] outcomes."),
               ("R", "[District|Local] [managers|authorities] [gained|acquired] [skills|experience] in [verification|contract management] that [carried over|transferred] to other programmes.")],
    T_CULTURE: [("A", "[The provider|The delivery organisation] [hired|recruited] [a performance manager|data analysts] and [began|started] to [review|discuss] outcomes at [every|each] team meeting."),
                ("A", "[Managers|Leaders] [described|reported] [a sharper|a clearer] focus on results, [but|while] [some|several] [staff|workers] [left|moved on], [citing|pointing to] [pressure|the pressure of targets].")],
    T_LEGACY: [("A", "[Funding|Support] for the service [continued|was extended] [after the contract|beyond the contract period], [paid|financed] [on a conventional basis|from ordinary budgets]."),
               ("A", "[Few|Only some] [elements|features] of the [model|service] [survived|outlasted] the [contract|funding period], [chiefly|mainly] [the data systems|the partnership arrangements].")],
}
for _t, _xs in A_EXTRA.items():
    THEMES[_t].extend(_xs)

# More sentences for reviews and cross-national studies (mode G).
G_EXTRA = {
    T_DELIVERY: ["[Providers|Delivery organisations] in the [cases|contracts] reviewed [describe|report] more flexible, personalised support, but the evidence rests largely on self-report.",
                 "Whether paying for outcomes [produces|leads to] genuinely new service models, or simply funds existing ones, is [disputed|unresolved] in the literature.",
                 "[Several|A number of] studies link outcome payments to longer engagement with [service users|participants] and smaller caseloads."],
    T_UTIL: ["[Reported|Documented] effects on [take-up|enrolment] vary with how referrals are controlled and who decides eligibility.",
             "[Gains|Increases] in service coverage are the [most frequently|most often] reported result in the studies of {plural} [included|reviewed] here."],
    T_OUTCOMES: ["[Only a minority of|Few of the] studies [estimate|attempt to estimate] effects on final outcomes for participants, and their results are mixed.",
                 "[Where|When] outcome targets were met, it is often unclear whether the same results would have been achieved [without the contract|under conventional funding]."],
    T_UNINTENDED: ["[Gaming|Manipulation] of [indicators|reported results] is [documented|reported] in a handful of studies, usually [caught|detected] through verification.",
                   "The [review|authors] [finds|find] that the risk of [cream-skimming|selecting easier cases] depends heavily on who controls referrals."],
    T_AUX: ["[Separately funded|Grant-funded] technical assistance and [development grants|set-up funding] [appear|feature] in most of the [cases|contracts] examined.",
            "[Many|Most] evaluations struggle to separate the effect of the payment mechanism from [other reforms|concurrent changes] in the same period."],
    T_ACCEPT: ["[Debates|Arguments] about the [legitimacy|ethics] of private returns from public services [recur|run] through the [academic|critical] literature.",
               "[Acceptability|Political acceptability] [differs|varies] [markedly|considerably] between [countries|jurisdictions] and policy fields."],
    T_SATIS: ["[Evidence on|Data on] the experience of participants [is scarce|remain scarce], and [most|nearly all] studies rely on interviews with staff.",
              "[Staff|Provider] satisfaction is [reported|discussed] more often than the views of service users."],
    T_MIS: ["[The studies|Several studies] [highlight|emphasise] the [investment|effort] needed in data systems before outcomes can be [verified|paid for].",
            "[Verification|Outcome measurement] arrangements [differ|vary] widely, from administrative data matching to independent household surveys."],
    T_COSTS: ["[Set-up|Development] costs, including legal and advisory fees, are [a recurring|a common] [concern|theme] in the studies reviewed.",
              "[Evidence|Claims] on value for money [is|are] [thin|weak], and few studies compare {plural} with conventionally funded alternatives."],
    T_EQUITY: ["[Distributional|Equity] effects [receive|get] [little|limited] attention, [although|though] several authors raise the risk of excluding the hardest to help.",
               "[Few|Only a few] studies report results [separately|disaggregated] by gender, ethnicity or disability."],
    T_DESIGN: ["[The literature|The studies] [describes|describe] design as [long|slow], [costly|resource-intensive] and [dependent on|reliant on] a small pool of specialist advisers.",
               "[Choosing|Setting] outcome metrics and prices [emerges|stands out] as the [stage|step] where most [contracts|deals] [stalled|ran into difficulty]."],
    T_INVESTOR: ["[Returns to investors|Investor returns] [were|have been] [modest|below commercial rates] in most [deals|cases] for which data are available.",
                 "[The role of investors|Investor involvement] ranges from passive funding to active performance management."],
    T_SCALE: ["[Few|Only a handful of] [programmes|contracts] have [grown|expanded] beyond their pilot, and the [evidence|literature] on [scale|scaling up] is [thin|largely speculative].",
              "[Several|Some] authors [argue|suggest] that standardisation of contracts and metrics is a precondition for [scale|wider use]."],
    T_REL: ["[Collaborative|Cooperative] relationships [appear|seem] [more important|more decisive] than contract terms in [explaining|accounting for] how the [contracts|programmes] [worked|performed].",
            "[Tensions|Conflicts] between [commissioners|outcome payers] and providers [most often|typically] [concern|involve] referrals, data and the [interpretation|meaning] of outcome definitions."],
    T_SYSTEM: ["[Wider|Broader] effects on [commissioning|public management] and data use are [claimed|asserted] more often than they are [measured|demonstrated].",
               "[Some|Several] studies [report|describe] [lasting|durable] improvements in [government|public sector] capacity to [purchase|contract for] outcomes."],
    T_CULTURE: ["[Providers|Delivery organisations] [report|describe] [becoming|having become] more focused on data and results, with [mixed|uneven] consequences for their mission.",
                "[Smaller|Small] providers [appear|seem] less able to bear the financial and administrative demands of payment on results."],
    T_LEGACY: ["[Evidence on|Data on] what happens after contracts end [is|remains] [sparse|scarce], [since|because] most studies stop at the end of the payment period.",
               "[Where|When] services continued after the contract, they [were usually|were mostly] funded [conventionally|through ordinary budgets]."],
}
for _t, _xs in G_EXTRA.items():
    THEMES[_t].extend(("G", _x) for _x in _xs)

THEME_TITLES = {
    T_DELIVERY: ["Flexibility and innovation", "Changing frontline practice", "Service delivery"],
    T_UTIL: ["Take-up and referrals", "Service use", "Reaching the target population"],
    T_OUTCOMES: ["Outcomes", "Impact", "What changed for participants"],
    T_UNINTENDED: ["Cream-skimming and gaming", "Perverse incentives", "Unintended consequences"],
    T_AUX: ["Parallel reforms", "Additional resources", "Attribution amid parallel reforms"],
    T_ACCEPT: ["Legitimacy and contestation", "Political acceptability", "Contested legitimacy"],
    T_SATIS: ["User and staff experience", "Satisfaction and experience", "Voices of participants"],
    T_MIS: ["Data and performance management", "Measurement infrastructure", "Data systems"],
    T_COSTS: ["Transaction costs", "Costs and value for money", "Counting the costs"],
    T_EQUITY: ["Equity and targeting", "Who benefits?", "Distributional effects"],
    T_DESIGN: ["Designing outcome metrics", "Pricing outcomes", "Contract design"],
    T_INVESTOR: ["The role of investors", "Investors and intermediaries", "Private capital"],
    T_SCALE: ["Scaling up", "Replication and scale", "Beyond the pilot"],
    T_REL: ["Partnership and trust", "Relationships and collaboration", "Working together"],
    T_SYSTEM: ["System effects", "Building commissioning capacity", "Wider system effects"],
    T_CULTURE: ["Provider culture", "Organisational change", "Performance culture"],
    T_LEGACY: ["Legacy and sustainment", "After the contract", "What lasts"],
}

# Findings about person-level outcomes: "+" metrics are better when higher,
# "-" metrics when lower; "0" findings fit either.
FINDINGS = {
    "+": ["a statistically significant improvement in {m}", "a clear improvement in {m}", "modest gains in {m}",
          "small but significant gains in {m}", "a substantial improvement in {m}",
          "an improvement in {m} that faded after the first year", "gains in {m} concentrated in the later cohorts"],
    "-": ["a statistically significant reduction in {m}", "a clear reduction in {m}", "modest reductions in {m}",
          "small but significant reductions in {m}", "a substantial fall in {m}",
          "a fall in {m} that faded after the first year", "reductions in {m} concentrated in the later cohorts"],
    "0": ["no detectable effect on {m}", "little change in {m}", "effects on {m} that were not statistically significant",
          "mixed results on {m}"],
}


# ====================================================================== study types and methods (English)

DOCS = {
    "journal article": ["This article", "This paper", "This study"],
    "evaluation report": ["This report", "This evaluation report", "This evaluation"],
    "policy report": ["This report", "This policy report"],
    "working paper": ["This working paper", "This paper"],
    "book chapter": ["This chapter"],
    "thesis": ["This thesis", "This dissertation"],
    "case study": ["This case study"],
    "conference paper": ["This paper", "This conference paper"],
    "briefing note": ["This briefing", "This briefing note", "This note"],
    "investor report": ["This investor report", "This report to investors", "This investor update"],
}

# method kind -> sentences; (text, {"themes": [...]}) adds a theme label.
METHODS = {
    "rct": ["Participants were randomly assigned to the service or to usual support, and outcomes were tracked through administrative records.",
            "The study used a randomised controlled trial embedded in the contract, with {nsample} participants.",
            "Eligible people were randomised at referral, which allowed the evaluators to estimate effects against a clean counterfactual."],
    "quasi": ["A difference-in-differences analysis compared participants with a propensity-score-matched comparison group drawn from administrative data.",
              "Interrupted time series methods were applied to monthly administrative data for the periods before and after the contract began.",
              "The analysis exploits the phased roll-out across sites to estimate effects with an event-study specification.",
              "Outcomes for {nsample} participants were compared with those of a matched group who were eligible but lived outside the area served."],
    "qual": ["[Semi-structured|In-depth] interviews were held with {n_int} [stakeholders|informants], including {stake}.",
             "Evidence came from contract documents, board minutes and {n_int} interviews, analysed thematically.",
             "Focus groups with {focus} complemented {n_int} key informant interviews.",
             "The study draws on {n_int} interviews and observation of [project boards|operational meetings] over [two|three] years."],
    "mixed": ["The evaluation combined analysis of outcome and monitoring data with {n_int} interviews and site visits to {n_sites} locations.",
              "A mixed-methods approach brought together administrative data, a participant survey and {n_int} interviews with {stake}.",
              "Data sources included performance records, [two rounds|three waves] of interviews with {stake}, and a review of contract documents."],
    "review": ["We searched [bibliographic databases|academic databases] and grey literature and included {n_studies} studies that met our inclusion criteria.",
               "The [systematic|scoping|rapid|realist] review draws on {n_studies} evaluations and reports published between {y0} and {y1}.",
               "Studies were identified through database searches, reference lists and requests to practitioners, and their quality was appraised before synthesis.",
               "Reports from [governments|funders], [intermediaries|practitioners] and evaluators were [included|considered] alongside [peer-reviewed|academic] studies.",
               "[Two reviewers|The authors] screened {n_studies} [records|full texts] and extracted data on [design|context], mechanism and results.",
               "[Included|Eligible] studies were [coded|classified] against a framework of [mechanisms and outcomes|themes drawn from earlier reviews]."],
    "cost": [("Programme costs were set against fiscal benefits in a cost-benefit model with sensitivity analysis.", {"themes": [T_COSTS]}),
             ("A cost-effectiveness analysis compared the contract with the cost of the services participants would otherwise have used.", {"themes": [T_COSTS]})],
    "feas": [("Feasibility work involved workshops with officials and analysis of available administrative data to identify an eligible cohort.", {"themes": [T_DESIGN]}),
             ("The report draws on a year of technical assistance to the partners as they developed outcome measures and a payment schedule.", {"themes": [T_DESIGN]})],
    "comment": ["Drawing on policy documents and the published evaluation evidence, the [paper|author] develops a critical argument.",
                "The analysis draws on public documents, evaluation reports and interviews with [policy makers|officials].",
                "The argument is built from documentary analysis and the wider literature on public service markets."],
    "case": ["The account draws on project documents, interviews with the main partners and published outcome data.",
             "The account is based on contract documents and conversations with {stake}."],
    "investor": ["The report sets out performance against the outcome schedule for each cohort and the payments received to date.",
                 "Figures cover referrals, engagement and outcomes validated in the period, with commentary from the provider."],
    "survey": ["An online survey of {n_surv} {surveyed} was complemented by follow-up interviews.",
               "Survey responses from {n_surv} {surveyed} were analysed alongside programme records."],
    "panel": ["Facility-level panel data from {n_sites} districts were analysed with fixed-effects regressions.",
              "The study uses household survey data collected before and after the programme began in treatment and comparison areas."],
    "compare": ["The cases were compared on a common framework covering [governance, payment structure and results|design, delivery and results].",
                "[Documents|Contract documents] and interviews from each setting were coded against a shared set of questions."],
}

TYPE_METHODS = {
    "journal article": {"quasi": 20, "qual": 25, "rct": 6, "cost": 6, "comment": 12, "survey": 8, "panel": 6},
    "evaluation report": {"mixed": 35, "quasi": 20, "rct": 10, "qual": 15, "cost": 10},
    "policy report": {"feas": 25, "qual": 25, "mixed": 20, "comment": 15},
    "working paper": {"quasi": 25, "panel": 12, "cost": 15, "qual": 20, "comment": 10},
    "book chapter": {"comment": 40, "case": 40, "qual": 20},
    "thesis": {"qual": 50, "mixed": 30, "quasi": 20},
    "case study": {"case": 70, "qual": 20, "feas": 10},
    "conference paper": {"qual": 30, "survey": 30, "quasi": 20, "comment": 20},
    "briefing note": {"comment": 40, "feas": 30, "case": 30},
    "investor report": {"investor": 100},
}

STAKE = {"B": ["commissioners, investors, the intermediary and frontline staff", "outcome payers, investors and provider managers",
               "government officials, investors and delivery staff"],
         "C": ["commissioners, provider managers and frontline staff", "officials and staff of the providers", "policy makers and provider staff"],
         "R": ["health workers, facility managers and district officials", "officials, facility staff and community members",
               "ministry staff, donors and facility managers"]}
FOCUS = {"B": ["frontline staff", "participants", "provider staff"], "C": ["frontline staff", "participants"],
         "R": ["health workers", "community members", "facility staff"]}
SURVEYED = {"B": ["providers", "commissioners", "frontline workers"], "C": ["providers", "commissioners", "frontline workers"],
            "R": ["health workers", "facility managers"]}

# Main sentences: say what the document is about. {np}: the mechanism with its
# article; {in_place}: where; {adjnp}: adjective + mechanism (one country only).
MAINS = {
    "*": ["{doc} [examines|analyses|investigates] {np} that [funded|financed|paid for] {prog} {in_place}.",
          "{doc} [considers|reviews] the experience of {np} for {group} {in_place}.",
          "{doc} [looks at|examines] how {payer} used {np} to pay for {prog} {in_place}.",
          "[Focusing on|Taking] {prog} {in_place} as a case, {doc_l} asks what difference {np} made.",
          "[How does paying for outcomes change|What does paying for outcomes mean for|Does tying payment to results improve] {topic}? {doc} [addresses|explores|takes up] this question through {np} for {group} {in_place}.",
          "{doc} [examines|studies] {adjnp} that [funded|paid for] {prog}.",
          "{doc} [looks at|discusses] {np} {in_place}, launched in {launch}, that paid for {prog}."],
    "evaluation report": ["{doc} presents the [interim|final|second interim|process|impact] evaluation of {prog} {in_place}, funded through {np}.",
                          "{doc} sets out findings from the independent evaluation of {np} {in_place} that supported {prog}.",
                          "Commissioned by {payer}, {doc_l} evaluates {prog} {in_place}, delivered under {np}.",
                          "{doc} gives the [final|interim] findings of the evaluation of {adjnp} for {group}."],
    "case study": ["{doc} [describes|documents] {np} {in_place} that [funded|paid for] {prog}.",
                   "{doc} follows {np} {in_place} from early discussions to the end of delivery, focusing on {prog}.",
                   "{doc} tells the story of {adjnp} for {group}, launched in {launch}."],
    "thesis": ["{doc} [investigates|explores] {np} {in_place} as a lens on {lens}, using {prog} as its case.",
               "{doc} asks how {np} {in_place} reshaped {topic}, through a study of {prog}."],
    "investor report": ["{doc} [summarises|covers] the performance of {np} {in_place} that funds {prog}, for the year to {month} {year}.",
                        "{doc} sets out results to date for {adjnp} financing {prog}."],
    "briefing note": ["{doc} [draws out|summarises] lessons from {np} {in_place} for {group}.",
                      "{doc} summarises what has been learned so far from {adjnp} in {topic}."],
    "policy report": ["{doc} draws on the experience of {np} {in_place} to make recommendations on [paying for outcomes|outcome-based commissioning] in {topic}.",
                      "{doc} reviews {adjnp} for {group} and what it means for future [commissioning|policy]."],
    "conference paper": ["{doc} [reports|presents] [early|preliminary] findings from research on {np} for {group} {in_place}."],
    "working paper": ["{doc} [analyses|examines] {np} {in_place} [targeting|serving] {group}."],
    "book chapter": ["{doc} uses {np} {in_place} to explore wider questions about paying for results in {topic}."],
}
MAINS_MULTI = ["{doc} compares {plural} in {places}, with a focus on {topic}.",
               "{doc} [examines|analyses] {np} [operating|implemented] in {places} that [funded|paid for] {prog}.",
               "Drawing on cases from {places}, {doc_l} explores how {plural} {have} been used in {topic}.",
               "{doc} [examines|studies] {plural} for {group} in {places}."]
MAINS_GLOBAL = ["{doc} [reviews|synthesises] the evidence on {plural} in {topic_list}.",
                "{doc} [maps|surveys] {plural} {gscope} in {topic_list}.",
                "What do we know about {plural} in {topic_list}? {doc} brings together [published evaluations|published and grey literature] to answer this question.",
                "{doc} develops a typology of {plural}, illustrated by contracts in {topic_list}.",
                "{doc} compares {k_cases} {plural} in {topic_list} in different jurisdictions, asking what {they} {have} achieved.",
                "[Drawing on|Using] [published evaluations|the published record] of {plural} {gscope}, {doc_l} [asks|examines] [how|whether] {they} {have} [changed|improved] {topic_list}.",
                "{doc} [offers|provides] a critical [overview|appraisal] of {plural} in {topic_list}, [focusing on|with attention to] [how the evidence has been produced|the quality of the evidence].",
                "[Interest in|Enthusiasm for] {plural} has [grown|spread] faster than the evidence; {doc_l} [takes stock of|assesses] what is known about {their} use in {topic_list}.",
                "{doc} [examines|analyses] the [policy|academic] debate on {plural} in {topic_list} {gscope}."]

CONCLUSIONS = {
    "*": ["The [authors conclude|{doc_s} concludes] with lessons for [commissioners|outcome payers|policy makers] considering {plural}.",
          "Implications for similar programmes are discussed.",
          "The findings suggest that {plural} {are} neither a panacea nor simply privatisation by another name, and that {their} value depends on context.",
          "The authors argue that more comparative evidence is needed before firm conclusions can be drawn about {plural}.",
          "The paper closes by setting out questions for further research.",
          "Overall, the case offers qualified support for paying for outcomes in {topic}.",
          "Recommendations cover referral pathways, contract management and governance."],
    "briefing note": ["Key messages for [policy makers|funders] are set out in a final section.", "The note ends with five practical questions for funders."],
    "thesis": ["The thesis contributes to debates on [the marketisation of public services|public management reform|aid effectiveness].",
               "The thesis ends by reflecting on what the case reveals about outcome-based governance."],
    "investor report": ["Projected returns remain within the range set out at launch, subject to the usual risks.",
                        "The next update will cover the remaining cohorts."],
    "policy report": ["The report makes recommendations to [national government|funders|commissioners] on future outcome-based contracts in {topic}."],
    "G": ["The review identifies gaps in the evidence and priorities for future evaluation.",
          "The authors call for more rigorous and comparative studies of {plural}.",
          "Implications for funders and researchers are discussed.",
          "[The paper|The review] [ends|concludes] with [an agenda|a research agenda] for [evaluating|studying] outcome-based contracts.",
          "[Policy makers|Funders] are [urged|advised] to [treat claims about {plural} with caution|invest in evaluation before expanding {plural}].",
          "[Better|More consistent] reporting of contract terms and results would [make|allow] future [syntheses|reviews] [more informative|more useful]."],
}

TITLES = {
    "single": ["{Plural}, {topic} and {theme_tl}: evidence from {tplace}",
               "{theme_t} in {np}: the case of {tplace}",
               "Paying for outcomes: {np} and {metric} in {tplace}",
               "Can {plural} shift {metric}? Evidence from {tplace}",
               "Outcomes, incentives and {topic} in {tplace}",
               "{Mname} for {group} in {tplace}",
               "Learning from {np}: {topic} in {tplace}",
               "Who pays for {topic}? {Plural} in {tplace}",
               "{theme_t}: lessons from {np} in {tplace}",
               "Between prevention and profit: {plural} and {topic} in {tplace}",
               "Commissioning {topic} by outcomes in {tplace}",
               "{Topic} and payment for outcomes in {tplace}",
               "The {tname} {mname} for {topic}",
               "{Adjnp} for {topic}: {theme_pair}",
               "{Adj} experience with {plural} in {topic}",
               "{Topic} on results: {np} in {tplace}",
               "Results, risk and {topic}: {np} in {tplace}",
               "{Mname} meets {topic}: [early|interim|emerging] lessons from {tplace}",
               "Investing in {topic}? {Np} in {tplace}",
               "From grants to outcomes: {topic} in {tplace}",
               "{Topic} by results: the {tname} experience",
               "What can {plural} do for {group}? Evidence from {tplace}",
               "Outcome-based funding for {group} in {tplace}",
               "{Np} for {topic} in {tplace}: [an assessment|an appraisal|a first look]",
               "{Tname}'s {mname} for {group}",
               "Funding {topic} through {plural}: {tplace}",
               "{Plural} and {group}: the case of {tplace}",
               "Paying providers for results: {topic} in {tplace}",
               "Outcomes-based commissioning of {topic} in {tplace}",
               "{theme_pairc} in {adjnp} for {topic}"],
    "evaluation report": ["{Prog} in {tplace}: [final|interim] evaluation", "Evaluation of the {tname} {mname} for {topic}",
                          "{Mname} for {group} in {tplace}: [final|interim|second interim] evaluation report"],
    "investor report": ["{Tname} {topic} {mname}: investor update, year [two|three|four]",
                        "Performance report to investors: {topic} in {tplace}"],
    "thesis": ["Governing by results: {plural} and {topic} in {tplace}", "Paying for outcomes in {topic}: {np} in {tplace}"],
    "briefing note": ["{Plural} in {topic}: what {tplace} can teach us", "Five lessons from {np} in {tplace}"],
    "multi": ["{Plural} in {topic}: a comparison of {places}", "{theme_t} in {plural}: evidence from {places}",
              "Paying for {topic} outcomes in {places}", "Comparing {plural} for {group}: {places}"],
    "global": ["{Plural} in {topic}: a [systematic|scoping|rapid|realist] review", "Paying for outcomes in {topic}: what does the evidence say?",
               "{theme_t} in {plural}: a review of the evidence", "A typology of {plural} in {topic}",
               "{Plural} and {topic}: a critical review", "{theme_pairc}: what the literature on {plural} tells us"],
}
MONTHS = ["March", "June", "September", "December"]


# ====================================================================== record mix (English)
HOMELESS, CRIME, CHILD, EMPLOY, HEALTH, EDUC, AGRI, POVERTY = (
    "Homelessness", "Criminal justice", "Child and family welfare", "Employment and training",
    "Health", "Education", "Agriculture and environment", "Poverty reduction")

AREA_W = {
    "H": {EMPLOY: 30, CHILD: 18, HEALTH: 18, HOMELESS: 12, CRIME: 12, EDUC: 8, POVERTY: 2},
    "GB": {HOMELESS: 18, CRIME: 12, CHILD: 20, EMPLOY: 20, HEALTH: 15, EDUC: 8, POVERTY: 2},
    "US": {HOMELESS: 18, CRIME: 20, CHILD: 15, EMPLOY: 10, HEALTH: 12, EDUC: 15},
    "AU": {HOMELESS: 15, CRIME: 15, CHILD: 25, EMPLOY: 10, HEALTH: 10, EDUC: 5},
    "CA": {EMPLOY: 25, HEALTH: 20, CHILD: 15, HOMELESS: 10, EDUC: 10, POVERTY: 3},
    "NZ": {EMPLOY: 30, CRIME: 25, CHILD: 15, HEALTH: 20},
    "IE": {CHILD: 40, EMPLOY: 30, HOMELESS: 30},
    "PT": {EMPLOY: 35, CHILD: 20, EDUC: 20, HEALTH: 15, CRIME: 5},
    "IL": {EDUC: 40, HEALTH: 30, EMPLOY: 20, CHILD: 10},
    "JP": {HEALTH: 60, CHILD: 20, EMPLOY: 10, EDUC: 10},
    "KR": {CHILD: 30, EMPLOY: 30, HEALTH: 20, EDUC: 10, POVERTY: 10},
    "FI": {EMPLOY: 60, HEALTH: 25, CHILD: 15},
    "NL": {EMPLOY: 50, HEALTH: 20, CRIME: 10, HOMELESS: 10, CHILD: 10},
    "L": {HEALTH: 30, EDUC: 25, EMPLOY: 15, POVERTY: 15, AGRI: 15, CHILD: 5},
}
PAIRS = {HOMELESS: {HEALTH: 3, CRIME: 2, EMPLOY: 1}, CRIME: {EMPLOY: 3, HOMELESS: 2, HEALTH: 1},
         CHILD: {EDUC: 3, HEALTH: 2, POVERTY: 1}, EMPLOY: {POVERTY: 2, EDUC: 2, HEALTH: 2},
         HEALTH: {POVERTY: 1, CHILD: 2, HOMELESS: 1}, EDUC: {CHILD: 2, EMPLOY: 2},
         AGRI: {POVERTY: 3}, POVERTY: {EMPLOY: 2, AGRI: 2, EDUC: 1}}

HIC_SIB = {"GB": 30, "US": 22, "AU": 7, "CA": 4, "NZ": 2, "IE": 1.5, "NL": 4, "BE": 2, "FR": 3, "DE": 2, "AT": 1,
           "CH": 1.5, "PT": 3.5, "ES": 1, "IT": 0.8, "FI": 2.5, "SE": 1.2, "DK": 1, "NO": 0.5, "IL": 2.5, "JP": 3.5, "KR": 2.5}

# A family is one kind of programme: mechanism, where it happens, which sectors.
# areas: dict of weights, or "bycountry" (AREA_W by country); area_first:
# {area: {country: weight}} when the sector decides the country.
FAMILIES = [
    dict(name="sib_hic", w=28, approach=SIB, countries=HIC_SIB, areas="bycountry",
         second={OF: 0.14, PBR: 0.04}, multi=[("GB", "US"), ("GB", "AU"), ("US", "CA"), ("NL", "BE"), ("FI", "SE", "DK"),
                                             ("GB", "US", "AU"), ("PT", "ES"), ("JP", "KR"), ("DE", "AT", "CH"), ("FR", "BE"), ("GB", "IE")]),
    dict(name="eib_us", w=1.5, approach=SIB, countries={"US": 1}, areas={AGRI: 1}, second={}),
    dict(name="pbr_hic", w=9, approach=PBR, countries={"GB": 20, "AU": 3, "NL": 2, "IE": 2, "DK": 1, "SE": 1, "US": 2, "NZ": 1, "IL": 1},
         areas={"GB": {EMPLOY: 30, CRIME: 20, CHILD: 15, HEALTH: 12, HOMELESS: 8, EDUC: 5},
                "*": {EMPLOY: 60, HEALTH: 20, CRIME: 10, CHILD: 10}},
         second={SIB: 0.06}, multi=[("GB", "AU"), ("GB", "NL"), ("AU", "NZ"), ("GB", "IE", "DK")]),
    dict(name="pbc_hic", w=6, approach=PBC, countries={"US": 12, "AU": 6, "GB": 3, "NL": 2, "IL": 2, "CA": 1.5, "DE": 1, "SE": 1, "IT": 1, "NZ": 1},
         areas={EMPLOY: 35, CHILD: 25, HEALTH: 15, HOMELESS: 8, CRIME: 8, EDUC: 6, POVERTY: 3},
         second={PBR: 0.05}, multi=[("US", "AU"), ("AU", "NL"), ("US", "GB"), ("AU", "GB", "NL")]),
    dict(name="of_hic", w=4, approach=OF, countries={"GB": 12, "PT": 2, "US": 1, "NL": 0.5, "FR": 0.5},
         areas="bycountry", second={SIB: 0.6}),
    dict(name="dib_lmic", w=9, approach=DIB,
         countries={"IN": 10, "PE": 3, "KE": 4, "UG": 4, "CM": 3, "CO": 1, "PS": 1, "ZA": 2, "SL": 1, "GH": 1, "NG": 2, "ML": 1,
                    "CD": 1, "MX": 1, "BR": 1, "PK": 1, "NP": 1, "BD": 1, "RW": 1, "ET": 1, "JO": 1, "TR": 0.5},
         areas={"IN": {EDUC: 50, HEALTH: 35, EMPLOY: 15}, "PE": {AGRI: 80, POVERTY: 20},
                "KE": {POVERTY: 60, AGRI: 15, HEALTH: 15, EDUC: 10}, "UG": {POVERTY: 60, AGRI: 15, HEALTH: 15, EDUC: 10},
                "CM": {HEALTH: 1}, "CO": {EMPLOY: 1}, "PS": {EMPLOY: 1}, "ZA": {EMPLOY: 60, EDUC: 40},
                "SL": {EDUC: 1}, "GH": {EDUC: 1}, "NG": {HEALTH: 1}, "ML": {HEALTH: 1}, "CD": {HEALTH: 1},
                "JO": {EMPLOY: 60, EDUC: 40}, "TR": {EMPLOY: 1}, "*": "L"},
         second={OF: 0.10}, multi=[("NG", "ML", "CD"), ("KE", "UG"), ("KE", "UG", "TZ"), ("IN", "BD"), ("SL", "GH")]),
    dict(name="sib_lmic", w=3, approach=SIB, countries={"CO": 4, "AR": 2, "CL": 1.5, "MX": 1, "BR": 2, "ZA": 2, "PE": 0.5, "IN": 1, "KE": 0.5},
         areas={EMPLOY: 50, CHILD: 15, HEALTH: 15, EDUC: 15, POVERTY: 5}, second={OF: 0.12},
         multi=[("CO", "AR", "CL"), ("CO", "MX"), ("BR", "AR"), ("ZA", "KE")]),
    dict(name="rbf_health", w=15, approach=RBF,
         countries={"RW": 6, "BI": 3, "CM": 4, "NG": 4, "ZM": 3, "ZW": 3, "TZ": 3, "MW": 3, "UG": 3, "KE": 2, "SL": 2, "AF": 3,
                    "KH": 2, "BF": 2, "ML": 1, "BJ": 1.5, "CD": 3, "SN": 1, "CI": 1, "HT": 1.5, "NI": 1, "HN": 1, "GT": 0.5,
                    "AR": 3, "MZ": 2, "ET": 1, "IN": 2, "PK": 1, "BD": 2, "NP": 1, "LR": 1, "PH": 1, "VN": 0.5, "ID": 1,
                    "EG": 0.5, "LK": 0.3, "GH": 1, "EC": 0.3},
         areas={HEALTH: 1}, second={PBC: 0.05}, second_area=0.08,
         multi=[("RW", "BI"), ("CM", "NG", "ZM"), ("ZW", "ZM", "MW"), ("NI", "HN", "GT"), ("BF", "ML", "SN"),
                ("AF", "KH"), ("TZ", "UG", "KE"), ("CD", "CM"), ("AR", "NI")]),
    dict(name="rbf_other", w=5, approach=RBF,
         area_first={EDUC: {"ET": 3, "TZ": 3, "RW": 2, "NP": 2, "PK": 1, "BD": 1, "SL": 1, "GH": 1, "BR": 1},
                     AGRI: {"KE": 3, "UG": 2, "MZ": 2, "BD": 2, "VN": 2, "ID": 2, "PH": 1, "IN": 2, "NP": 1, "ZM": 1, "MW": 1,
                            "BR": 2, "CO": 1, "PE": 1, "EC": 1},
                     POVERTY: {"BD": 2, "PH": 1, "KE": 1, "ET": 1, "MX": 1, "PE": 1}},
         areas={EDUC: 35, AGRI: 45, POVERTY: 20}, second={}, multi=[("KE", "UG", "MZ"), ("BR", "ID"), ("BD", "NP")]),
    dict(name="pbr_lmic", w=4, approach=PBR,
         area_first={AGRI: {"KE": 2, "MZ": 2, "TZ": 1, "BD": 2, "PK": 1, "NP": 1, "ZM": 1, "UG": 1, "ET": 1, "GH": 1, "NG": 1},
                     EDUC: {"ET": 2, "RW": 2, "NP": 1, "PK": 1, "SL": 1, "GH": 1, "KE": 1, "NG": 1},
                     HEALTH: {"MW": 1, "PK": 1, "NG": 1, "UG": 1, "IN": 1, "BD": 1},
                     EMPLOY: {"ZA": 2, "JO": 1, "TR": 1, "KE": 1}},
         areas={AGRI: 40, EDUC: 30, HEALTH: 20, EMPLOY: 10}, second={}, multi=[("KE", "MZ", "BD"), ("ET", "RW"), ("PK", "NP")]),
    dict(name="pbc_lmic", w=3, approach=PBC,
         area_first={HEALTH: {"KH": 2, "AF": 2, "PK": 1, "BD": 1, "HT": 1, "GT": 1, "IN": 1},
                     EDUC: {"PK": 3, "LR": 1, "UG": 1, "PH": 1},
                     EMPLOY: {"CL": 2, "AR": 2, "PE": 2, "CO": 1, "MX": 1},
                     AGRI: {"IN": 1, "ZM": 1, "MZ": 1, "VN": 1}},
         areas={HEALTH: 35, EDUC: 25, EMPLOY: 25, AGRI: 15}, second={RBF: 0.08}, multi=[("CL", "AR", "PE"), ("KH", "AF")]),
]

TYPE_W = {
    "B": {"journal article": 28, "evaluation report": 18, "policy report": 10, "working paper": 9, "book chapter": 6,
          "thesis": 5, "case study": 10, "conference paper": 4, "briefing note": 6, "investor report": 4},
    "C": {"journal article": 35, "evaluation report": 20, "policy report": 12, "working paper": 10, "book chapter": 6,
          "thesis": 5, "case study": 5, "conference paper": 3, "briefing note": 4},
    "R": {"journal article": 40, "evaluation report": 15, "policy report": 8, "working paper": 15, "book chapter": 3,
          "thesis": 5, "case study": 6, "conference paper": 4, "briefing note": 4},
    "G": {"journal article": 40, "working paper": 15, "policy report": 15, "book chapter": 12, "briefing note": 8,
          "thesis": 3, "conference paper": 7},
}
THEME_W = {
    "B": {T_OUTCOMES: 10, T_DESIGN: 8, T_INVESTOR: 6, T_REL: 7, T_COSTS: 7, T_DELIVERY: 6, T_UTIL: 3, T_UNINTENDED: 3,
          T_AUX: 2, T_ACCEPT: 4, T_SATIS: 3, T_MIS: 4, T_EQUITY: 2, T_SCALE: 3, T_SYSTEM: 3, T_CULTURE: 3, T_LEGACY: 3},
    "C": {T_OUTCOMES: 10, T_UNINTENDED: 8, T_CULTURE: 6, T_DELIVERY: 6, T_COSTS: 5, T_DESIGN: 5, T_REL: 4, T_MIS: 4,
          T_UTIL: 3, T_EQUITY: 3, T_ACCEPT: 3, T_SATIS: 3, T_AUX: 2, T_SCALE: 2, T_SYSTEM: 2, T_LEGACY: 2},
    "R": {T_UTIL: 10, T_OUTCOMES: 7, T_DELIVERY: 7, T_CULTURE: 5, T_MIS: 5, T_EQUITY: 5, T_COSTS: 5, T_UNINTENDED: 4,
          T_AUX: 4, T_SYSTEM: 5, T_SATIS: 4, T_DESIGN: 3, T_ACCEPT: 2, T_SCALE: 3, T_LEGACY: 3, T_REL: 2},
}
N_THEMES = {0: 6, 1: 15, 2: 28, 3: 28, 4: 16, 5: 7}


def min_year(approach, code, area, income):
    if approach == SIB:
        if area == AGRI:
            return 2016
        return {"GB": 2011, "US": 2013, "AU": 2013}.get(code, 2014 if income == "H" else 2016)
    if approach == DIB:
        return 2016
    if approach == OF:
        return 2013 if code == "GB" else 2017
    if approach == PBR:
        return 2011 if code == "GB" else (2009 if income == "H" else 2012)
    if approach == RBF:
        return 2006 if area == HEALTH else 2005
    return 1996 if income == "H" else 2000


def pick_year(rng, lo):
    lo = max(lo, 1995)
    return min(2025, lo + int((2026 - lo) * rng.random() ** 0.75))


# ====================================================================== assembly (English)

def norm_entry(e):
    """Bank entry -> (mode, text, tags)."""
    if isinstance(e, str):
        return ("A", e, {})
    if len(e) == 2:
        return ("A", e[0], e[1]) if isinstance(e[1], dict) else (e[0], e[1], {})
    return e


def tags_ok(tags, rec):
    if tags.get("minyear", 0) > rec["year"]:
        return False
    if "areas" in tags and rec["area"] not in tags["areas"]:
        return False
    return True


def render(entries, ctx, rng, rec, modes=None, used=None):
    """Expand a random fitting entry; returns (text, tags) or (None, None)."""
    cands = [norm_entry(e) for e in entries]
    cands = [c for c in cands if (modes is None or c[0] in modes) and tags_ok(c[2], rec)
             and (used is None or c[1] not in used)]
    rng.shuffle(cands)
    for _, text, tags in cands:
        try:
            s = expand(text, ctx, rng)
        except Missing:
            continue
        if used is not None:
            used.add(text)
        return s, tags
    return None, None


def first_then_definite(phrase):
    """A filler that reads 'a charity' the first time and 'the charity' after."""
    state = [0]

    def f():
        state[0] += 1
        if state[0] > 1:
            for a in ("a ", "an "):
                if phrase.startswith(a):
                    return "the " + phrase[len(a):]
        return phrase
    return f


def metric_pair(pool, rng):
    a, b = rng.sample(pool, 2)
    out = []
    for m in (a, b):
        d = "-" if m.startswith("-") else "+"
        out.append((frag(m.lstrip("-"), rng), d))
    return out


def capital(cur, rng):
    fixed = {"¥": "¥[50|100|200|300|500] million", "KRW ": "KRW [1|2|3.5] billion", "NIS ": "NIS [10|20|30] million",
             "SEK ": "SEK [10|20|40] million", "DKK ": "DKK [10|20|35] million", "NOK ": "NOK [10|20|40] million"}
    if cur in fixed:
        return frag(fixed[cur], rng)
    return "[about|around|roughly|just over|just under] " + cur + rng.choice(
        ["0.8", "1.2", "1.5", "2", "2.5", "3", "3.6", "4", "5", "6", "7.5", "9"]) + " million"


def area_weights(fam, code, income):
    a = fam["areas"]
    if a == "bycountry":
        return AREA_W.get(code, AREA_W[income]) if code else AREA_W["H"]
    if any(k == "*" or k in COUNTRIES for k in a):
        v = a.get(code, a.get("*", "L")) if code else a.get("*", "L")
        return AREA_W["L"] if v == "L" else v
    return a


def payer_for(code, area, income, rng):
    if code and code in LOCAL_PAYERS and rng.random() < 0.25:
        return rng.choice(LOCAL_PAYERS[code])
    if income == "L":
        return rng.choice(PAYERS_L.get(area, []) + PAYERS_L["*"])
    cp = PAYERS_C.get(code, {})
    pool = cp.get(area, []) + cp.get("*", [])
    if not pool or rng.random() < 0.3:
        pool = pool + PAYERS_H.get(area, []) + PAYERS_H["*"]
    return rng.choice(pool)


def local_payer_fits(payer, code, name, parent):
    """PAYER, or a generic local payer when PAYER is a council or region of
    CODE other than the record's place (no London authority paying in Liverpool).
    National payers (ministries, the country named) fit anywhere. Draws nothing
    from the random stream, so no other record changes."""
    if payer not in LOCAL_PAYERS.get(code, []):
        return payer
    _, names, adjs, _, _ = COUNTRIES[code]
    if "Ministry" in payer or any(n in payer for n in list(names) + list(adjs)):
        return payer
    if name.split(",")[0] in payer or (parent and parent in payer):
        return payer
    return "the local authority" if code == "GB" else "the local government"


def fund_for(code, area, income, year, rng):
    pool = FUNDS.get(code, []) + FUNDS["*"] + (FUNDS["L"] if income == "L" else [])
    pool = [(n, y) for n, y, areas in pool if y <= year and (areas is None or area in areas)]
    if not pool:
        return None
    named = [p for p in pool if not p[0].startswith("a ")]
    return (rng.choice(named) if named and rng.random() < 0.7 else rng.choice(pool))[0]


def strip_article(p):
    for a in ("a ", "an "):
        if p.startswith(a):
            return p[len(a):]
    return p


def pick_sub(area, income, rng, need_rbf=False, code=None):
    subs = [s for s in AREAS[area]["subs"] if s["inc"] in ("*", income) and (s.get("rbf") or not need_rbf)
            and (code is None or code in s.get("codes", (code,)))]
    return rng.choice(subs or AREAS[area]["subs"])


def has_sub(area, income):
    return any(s["inc"] in ("*", income) for s in AREAS[area]["subs"])


def gscope(lmic, rng):
    if lmic:
        return rng.choice(["in low- and middle-income countries", "in sub-Saharan Africa", "across Latin America",
                           "in South Asia", "worldwide", "in fragile and conflict-affected settings"])
    return rng.choice(["in high-income countries", "in Europe", "worldwide", "across OECD countries", "in English-speaking countries"])


def choose_setting(rng, scope):
    """Family, countries, policy areas and approaches of one English record."""
    fam = pick(rng, [(f, f["w"]) for f in FAMILIES])
    approach = fam["approach"]
    if scope == "multi" and not (fam.get("multi") or fam.get("area_first")):
        scope = "single"
    lmic = fam["name"].endswith("lmic") or fam["name"].startswith("rbf")
    codes = []
    if "area_first" in fam:
        area = pick(rng, fam["areas"])
        cw = fam["area_first"][area]
        if scope == "multi":
            codes = sample(rng, cw, rng.choice([2, 2, 3]))
        elif scope == "single":
            codes = [pick(rng, cw)]
    else:
        if scope == "multi":
            codes = list(rng.choice(fam["multi"]))
        elif scope == "single":
            codes = [pick(rng, fam["countries"])]
        income = COUNTRIES[codes[0]][0] if codes else ("L" if lmic else "H")
        area = pick(rng, area_weights(fam, codes[0] if codes else None, income))
    income = COUNTRIES[codes[0]][0] if codes else ("L" if lmic else "H")
    areas = [area]
    p2 = fam.get("second_area", 0.18) * (2 if scope == "global" else 1)
    if rng.random() < p2:
        cands = {a: w for a, w in PAIRS[area].items() if has_sub(a, income)}
        if cands:
            areas.append(pick(rng, cands))
            if scope == "global" and rng.random() < 0.3:
                extra = {a: w for a, w in PAIRS[areas[1]].items() if a not in areas and has_sub(a, income)}
                if extra:
                    areas.append(pick(rng, extra))
    approaches = [approach]
    for a2, p in fam.get("second", {}).items():
        if rng.random() < p * (2 if scope == "global" else 1):
            approaches.append(a2)
    return fam, scope, codes, income, lmic, areas, approaches


def compose_en(rng, scope):
    fam, scope, codes, income, lmic, areas, approaches = choose_setting(rng, scope)
    area, approach = areas[0], approaches[0]
    bond = SIB in approaches or DIB in approaches
    mode = "B" if bond else ("R" if approach == RBF else "C")
    code0 = codes[0] if codes else None
    lo = max(min_year(a, code0, area, income) for a in approaches)
    year = pick_year(rng, lo)
    rec = {"year": year, "area": area}
    fund = fund_for(code0, area, income, year, rng) if OF in approaches else None
    if OF in approaches and not fund:
        return None
    eib = fam["name"] == "eib_us"

    # ---- study type, method, themes
    tw = dict(TYPE_W["G" if scope == "global" else mode])
    if scope != "single" or not bond:
        tw.pop("investor report", None)
    rtype = pick(rng, tw)
    if scope == "global":
        kind = pick(rng, {"review": 70, "comment": 30})
    elif scope == "multi" and rng.random() < 0.5:
        kind = "compare"
    else:
        kind = pick(rng, TYPE_METHODS[rtype])
        if kind == "panel" and mode != "R":
            kind = "quasi"
    implied = [t for e in METHODS[kind] for t in norm_entry(e)[2].get("themes", [])]
    tw = dict(THEME_W[mode])
    if not bond:
        tw.pop(T_INVESTOR, None)
    if rtype == "investor report":
        tw[T_INVESTOR] = tw.get(T_INVESTOR, 0) * 4
        tw[T_OUTCOMES] *= 3
    if rtype in ("thesis", "book chapter"):
        tw[T_ACCEPT] *= 2
        tw[T_REL] *= 2
    if rtype == "policy report":
        tw[T_DESIGN] *= 2
        tw[T_SCALE] *= 2
    n = pick(rng, N_THEMES)
    for t in implied:
        tw.pop(t, None)
    themes = sample(rng, tw, max(0, min(n, 5 - len(set(implied)))))

    # ---- context
    A = AREAS[area]
    sub = pick_sub(area, income, rng, need_rbf=(mode == "R"), code=code0)
    pool = sub.get("rbf", sub["metrics"]) if mode == "R" else sub["metrics"]
    (m1, d1), (m2, _) = metric_pair(pool, rng)
    provs = sub.get("provs") or [p for p, inc in A["providers"] if inc in ("*", income)] or [p for p, _ in A["providers"]]
    ctx = {"metric": m1, "metric2": m2, "year": str(year), "month": MONTHS,
           "prog": frag(rng.choice(sub["progs"]), rng), "group": frag(rng.choice(sub["groups"]), rng),
           "topic": rng.choice(sub["topics"]), "units": rng.choice(sub.get("units", A["units"])),
           "provider": first_then_definite(rng.choice(provs)),
           "investor": first_then_definite(rng.choice(INVESTORS_L if income == "L" else INVESTORS_H)),
           "donor": first_then_definite(rng.choice(DONORS)),
           "intermediary": first_then_definite(rng.choice(INTERMEDIARIES)),
           "validator": VALIDATORS, "duration": rng.choice(DURATIONS), "cohort": rng.choice(COHORTS),
           "payer": payer_for(code0, area, income, rng),
           "payer_s": (["the purchaser", "the ministry"] if mode == "R" else
                       ["the outcome funder", "the donor"] if approach == DIB else ["the commissioner", "the outcome payer", "government"]),
           "nsample": ["about 400", "nearly 900", "1,200", "more than 2,000", "some 3,500", "around 5,000", "about 650"],
           "n_int": ["12", "15", "18", "twenty", "24", "27", "31", "36", "forty", "42", "more than fifty"],
           "n_sites": ["three", "four", "five", "six", "eight", "ten", "twelve", "14", "20"],
           "n_studies": ["23", "31", "38", "47", "52", "64", "79", "over 100", "29", "56"],
           "n_surv": ["87", "112", "140", "around 200", "over 300", "64"],
           "k_cases": ["three", "four", "five", "six", "eight", "twelve"],
           "stake": STAKE.get(mode, STAKE["C"]), "focus": FOCUS.get(mode, FOCUS["C"]),
           "surveyed": SURVEYED.get(mode, SURVEYED["C"]), "gscope": gscope(lmic, rng),
           "lens": (["aid effectiveness", "donor accountability", "the politics of aid"] if income == "L" else
                    ["the marketisation of public services", "public management reform", "the financialisation of social policy"])}
    if mode == "R" and area != HEALTH:
        ctx.update(stake=["officials, providers and community members", "ministry staff, donors and implementing partners"],
                   focus=["community members", "implementing staff"], surveyed=["implementing partners", "local officials"])
    if fund:
        ctx["fund"] = fund
        ctx["fund_x"] = fund if fund.startswith("a ") else fund + ", " + rng.choice(
            ["an outcomes fund", "a government outcomes fund", "an outcomes fund covering several projects"])
    seen_findings = set()

    def finding():
        for _ in range(6):
            d = d1 if rng.random() < 0.8 else "0"
            f = rng.choice(FINDINGS[d])
            if f not in seen_findings:
                break
        seen_findings.add(f)
        return f.replace("{m}", m1)
    ctx["finding"] = finding
    ctx["y1"] = str(year - 1)
    ctx["y0"] = str(max(lo - 2, year - rng.choice([6, 8, 10, 12, 15])))
    launch = year - rng.randint(1, 4)
    ctx["launch"] = str(launch) if launch >= lo else None

    # mechanism names
    spec = APPROACHES[approach]
    names = spec["names"]
    key = code0 if code0 in names else (area if area in names else "*")
    mname = frag(rng.choice(names[key]), rng)
    if mname == "social outcomes contract" and year < 2018:
        mname = SIB
    plural = list(spec["plural"])
    mech = list(spec["mech"])
    if eib:
        mname, plural, mech = "environmental impact bond", ["environmental impact bonds"], ["the bond", "the environmental impact bond"]
    if key == "US" and approach == SIB and not eib:
        plural = ["Pay for Success projects", "social impact bonds"]
    ctx.update(mname=mname, mech=mech, Mname=cap(mname))
    np_ = fund if approach == OF else art(mname)
    ctx["Np"] = cap(np_)
    if spec.get("abbr") and mname in (SIB, DIB) and rng.random() < 0.35:
        np_ += " (%s)" % spec["abbr"]
    ctx["np"] = np_
    if scope == "global" and len(approaches) > 1:
        plural = [rng.choice(plural) + " and " + rng.choice(APPROACHES[approaches[1]]["plural"])]
    ctx["plural"] = rng.choice(plural)
    ctx["Plural"] = cap(ctx["plural"])
    mass = not ctx["plural"].endswith("s")
    ctx["are"], ctx["their"], ctx["have"], ctx["they"] = ("is", "its", "has", "it") if mass else ("are", "their", "have", "they")
    others = [rng.choice(pick_sub(a, income, rng)["topics"]) for a in areas[1:]]
    ctx["topic_list"] = join_list([ctx["topic"]] + others)
    ctx["Topic"] = cap(ctx["topic"])
    ctx["Prog"] = cap(strip_article(ctx["prog"]))
    if len(areas) > 1:
        tb, mb = PAIR_DETAIL[(area, areas[1])]
        ctx.update(metric_b=frag(rng.choice(mb), rng).lstrip("-"), topic_b=rng.choice(tb), topic_a=ctx["topic"])
        others[0] = ctx["topic_b"]
        ctx["topic_list"] = join_list([ctx["topic"]] + others)

    # places
    if scope == "single":
        inc, cnames, adjs, cur, _ = COUNTRIES[code0]
        name, parent, cname, adj = place_parts(code0, rng)
        style = pick(rng, {"place": 35, "parent": 25 if parent else 0, "country": 28})
        where = {"place": name, "parent": "%s, %s" % (name, parent), "country": cname}[style]
        ctx.update(in_place="in " + where, adj=adj, Adj=adj,
                   adjnp=art(adj + " " + ("outcomes fund" if approach == OF else mname)))
        ctx["Adjnp"] = cap(ctx["adjnp"])
        ctx["tplace"] = name if rng.random() < 0.6 else cname
        ctx["tname"] = None if name.startswith("the ") or "," in name else name
        ctx["Tname"] = ctx["tname"]
        ctx["capital"] = lambda: capital(cur, rng)
        ctx["payer"] = local_payer_fits(ctx["payer"], code0, name, parent)
    elif scope == "multi":
        if rng.random() < 0.75:
            parts = [COUNTRIES[c][1][0] for c in codes]
        else:
            parts = []
            for c in codes:
                nm, parent, cn, _ = place_parts(c, rng)
                parts.append("%s (%s)" % (nm, cn) if not cn.startswith("the ") and "," not in nm else nm)
        ctx.update(places=join_list(parts), in_place="in " + join_list(parts), tplace=join_list(parts))
        ctx["capital"] = lambda: capital("US$", rng)
    else:
        ctx["capital"] = lambda: capital("US$", rng)
    doc = rng.choice(DOCS[rtype])
    ctx.update(doc=doc, doc_l=doc[0].lower() + doc[1:], doc_s=doc.split(" ", 1)[1])

    # ---- sentences
    used = set()
    sents = []
    acts = sub.get("acts", [])
    bgs = [t for t, inc in A["ctx"] if inc in ("*", income)]

    def make(slot):
        if slot == "main":
            if scope == "global":
                bank = MAINS_GLOBAL
            elif scope == "multi":
                bank = MAINS_MULTI
            else:
                bank = MAINS.get(rtype, []) * 2 + MAINS["*"]
            return render(bank, ctx, rng, rec, used=used)
        if slot == "desc":
            if eib and "eib" not in used:
                used.add("eib")
                return expand("Like a social impact bond, the environmental impact bond [shifted|shared] performance risk: investors [financed|paid for] the work up front, and [the return they earned|their repayment] depended on {metric}.", ctx, rng), {}
            if approach == OF and "ofdesc" not in used:
                used.add("ofdesc")
                return render(spec["desc"][:3], ctx, rng, rec, used=used)
            return render(spec["desc"], ctx, rng, rec, used=used)
        if slot == "second":
            return render(APPROACHES[approaches[1]]["second"], ctx, rng, rec, used=used)
        if slot == "act":
            return render(acts, ctx, rng, rec, used=used)
        if slot == "bg":
            return render(bgs, ctx, rng, rec, used=used)
        if slot == "actx":
            return render(spec["ctx"], ctx, rng, rec, used=used)
        if slot == "cross":
            return render(CROSS, ctx, rng, rec, used=used)
        if slot == "method":
            return render(METHODS[kind], ctx, rng, rec, used=used)
        if slot == "concl":
            bank = CONCLUSIONS["G"] if scope == "global" else CONCLUSIONS.get(rtype, []) + CONCLUSIONS["*"]
            return render(bank, ctx, rng, rec, used=used)
        raise ValueError(slot)

    if scope == "global":
        structure = rng.choice([["actx?", "main", "method", "THEMES", "concl?"],
                                ["main", "method", "bg?", "THEMES", "concl?"],
                                ["bg", "main", "THEMES", "method?", "concl"]])
    elif rtype == "investor report":
        structure = ["main", "desc", "method", "THEMES", "concl?"]
    else:
        structure = rng.choice([["bg?", "main", "desc", "act?", "method", "THEMES", "concl?"],
                                ["main", "desc", "desc?", "act?", "method", "THEMES", "concl?"],
                                ["bg", "actx?", "main", "desc?", "method", "THEMES", "concl?"],
                                ["main", "desc", "desc", "act?", "method?", "THEMES", "concl?"],
                                ["main", "THEMES", "desc", "method?", "concl?"],
                                ["main", "method", "desc", "THEMES", "act?", "concl?"]])
    if scope != "global":
        i = structure.index("main") + 1
        if len(areas) > 1:
            structure.insert(i + rng.randint(0, 1), "cross")
        if len(approaches) > 1:
            structure.insert(structure.index("THEMES"), "second")
        if (approach == OF or eib) and "desc" not in structure:
            structure.insert(i, "desc")

    people = income == "H" or area in (HOMELESS, CRIME, CHILD, EMPLOY)
    tmodes = {"A", mode} | ({"P"} if people and mode != "R" else set()) | ({"RH"} if mode == "R" and area == HEALTH else set())
    if scope == "global":
        tmodes = {"G"}
    for slot in structure:
        if slot == "THEMES":
            order = list(themes)
            if len(order) <= 2 and order and rng.random() < 0.4:
                order.insert(1, order[0])
            for t in order:
                s, tags = render(THEMES[t], ctx, rng, rec, modes=tmodes, used=used)
                if s:
                    sents.append(dict(kind="theme", text=s, themes=[t] + tags.get("themes", []), req=True))
            continue
        optional = slot.endswith("?")
        slot = slot.rstrip("?")
        if optional and rng.random() < 0.45:
            continue
        s, tags = make(slot)
        if s:
            req = slot in ("main", "cross", "second") or bool(tags.get("themes"))
            if slot == "desc" and (approach == OF or eib) and not any(x["kind"] == "desc" for x in sents):
                req = True
            sents.append(dict(kind=slot, text=s, themes=list(tags.get("themes", [])), req=req))
    if not any(x["kind"] == "main" for x in sents):
        return None

    # ---- length: aim for 90-160 words
    def total():
        return sum(words(x["text"]) for x in sents)
    for extra in ["desc", "act", "bg", "actx", "desc", "concl", "act"]:
        if total() >= 88:
            break
        if scope == "global" and extra in ("desc", "act"):
            continue
        s, tags = make(extra)
        if s:
            main_at = next(i for i, x in enumerate(sents) if x["kind"] == "main")
            pos = {"desc": main_at + 1, "act": main_at + 1, "bg": 0, "actx": 0 if rng.random() < 0.5 else main_at + 1}.get(extra, len(sents))
            sents.insert(pos, dict(kind=extra, text=s, themes=[], req=False))
    for drop in ["act", "bg", "actx", "concl", "desc", "method"]:
        while total() > 165:
            idx = [i for i, x in enumerate(sents) if x["kind"] == drop and not x["req"]]
            if not idx or (drop == "desc" and sum(x["kind"] == "desc" for x in sents) <= 1):
                break
            del sents[idx[-1]]
    if total() < 70:
        return None

    # ---- labels and title
    got = []
    for x in sents:
        for t in x["themes"]:
            if t not in got:
                got.append(t)
    if len(got) > 5:
        return None
    abstract = " ".join(x["text"] for x in sents)
    tt = [rng.choice(THEME_TITLES[t]) for t in got]
    plain = [t for t in tt if not t.endswith("?") and " and " not in t]
    ctx["theme_t"] = tt[0] if tt else None
    ctx["theme_tl"] = next((t.lower() for t in tt if not t.endswith("?")), None)
    ctx["theme_pair"] = (plain[0].lower() + " and " + plain[1].lower()) if len(plain) > 1 else None
    ctx["theme_pairc"] = cap(ctx["theme_pair"]) if ctx["theme_pair"] else None
    if scope == "global":
        tbank = TITLES["global"]
    elif scope == "multi":
        tbank = TITLES["multi"]
    else:
        tbank = TITLES["single"] + TITLES.get(rtype, []) * 3
    title, _ = render(tbank, ctx, rng, rec)
    if not title:
        return None
    return {"title": title, "abstract": abstract, "year": year, "type": rtype, "lang": "en",
            "origin": "composed",
            "labels": {"country": sorted(set(codes)), "policy_area": areas, "approach": approaches, "theme": got}}


# ====================================================================== other languages
# Each language has its own banks, written in that language rather than
# translated sentence by sentence.  mixes: (weight, approach, area,
# {country: weight}, first year); subs: sub-sectors with the approaches and
# countries they fit, programme phrases (with article), target groups,
# topics (with article), activities and result sentences (these carry the
# "changes in person-level outcomes" theme); places: (phrase with
# preposition, bare name for titles); themes: (mode, sentence) with mode
# A any, B impact bond, R results-based financing, N not results-based
# financing.

def fits(entry_codes, code):
    return not entry_codes or code in entry_codes


def lpick(rng, items, code):
    """Pick from a list whose entries may be (text, {codes}) restricted to countries;
    (text, None) entries are a fallback used only when nothing names the country."""
    own = [x[0] if isinstance(x, tuple) else x for x in items
           if not isinstance(x, tuple) or (x[1] is not None and code in x[1])]
    return rng.choice(own or [x[0] for x in items if isinstance(x, tuple) and x[1] is None])


def compose_other(lang, rng):
    L = LANGS[lang]
    approach, area, cw, y0 = pick(rng, [((a, ar, cw, y), w) for w, a, ar, cw, y in L["mixes"]])
    code = pick(rng, cw)
    subs = [s for s in L["subs"] if s["area"] == area and approach in s["appr"] and fits(s.get("codes"), code)]
    sub = rng.choice(subs)
    year = pick_year(rng, y0)
    rtype = pick(rng, L["types"])
    places = [p for p in L["places"][code] if p[1] in sub.get("where", {p[1]})]
    in_place, place = rng.choice(places)
    ap = L["appr"][approach]
    mode = "B" if approach in (SIB, DIB) else ("R" if approach == RBF else "C")
    def flt(bank):
        """Entries fitting this record: plain text, or (text, {countries or areas})."""
        return [x if isinstance(x, str) else x[0] for x in bank
                if isinstance(x, str) or code in x[1] or area in x[1]]
    ctx = {"np": lpick(rng, ap["np"], code), "plural": lpick(rng, ap["plural"], code),
           "prog": frag(rng.choice(flt(sub["progs"])), rng), "group": rng.choice(sub["groups"]),
           "topic": rng.choice(sub["topics"]), "in_place": in_place, "place": place,
           "payer": lpick(rng, L["payers"], code), "investor": rng.choice(L["investors"]),
           "donor": rng.choice(L["donors"]), "provider": rng.choice(sub.get("provs", L["providers"])),
           "capital": frag(lpick(rng, L["capital"], code), rng), "duration": rng.choice(L["durations"]),
           "n": rng.choice(["12", "15", "18", "21", "24", "27", "30", "36", "40"]), "year": str(year)}
    for k in ("np", "plural", "topic", "payer", "group", "prog"):
        ctx[k.capitalize()] = cap(ctx[k])
    doc = rng.choice(L["docs"][rtype])
    ctx.update(doc=doc, doc_l=doc[0].lower() + doc[1:])
    rec = {"year": year, "area": area}
    tmodes = {"A", mode} | ({"N"} if mode != "R" else set())
    avail = [t for t, bank in L["themes"].items()
             if any(m in tmodes and tags_ok(tg, rec) for m, _, tg in (norm3(e) for e in bank))]
    if flt(sub.get("results", [])):
        avail.append(T_OUTCOMES)
    n = pick(rng, {0: 5, 1: 15, 2: 35, 3: 30, 4: 15})
    weights = {t: (3 if t in (T_OUTCOMES, T_DESIGN, T_COSTS, T_UTIL) else 2 if t in (T_INVESTOR, T_REL, T_DELIVERY) else 1)
               for t in avail}
    themes = sample(rng, weights, n)
    used = set()
    sents = []

    def add(kind, bank, themes_=(), modes=None):
        s, _ = render(bank, ctx, rng, rec, modes=modes, used=used)
        if s:
            sents.append(dict(kind=kind, text=s, themes=list(themes_)))
        return s
    banks = {"main": flt(L["mains"]), "desc": flt(ap["desc"]), "act": flt(sub["acts"]),
             "bg": flt(sub.get("ctx", []) + L["bg"].get(approach, [])),
             "method": flt(L["methods"].get(mode, []) + L["methods"]["*"]), "concl": flt(L["concl"])}
    structure = rng.choice([["bg?", "main", "desc", "act?", "method", "THEMES", "concl?"],
                            ["main", "desc", "desc?", "method", "THEMES", "concl?"],
                            ["bg", "main", "method", "desc", "THEMES", "act?", "concl?"],
                            ["main", "act?", "desc", "THEMES", "method?", "concl"]])
    for slot in structure:
        if slot == "THEMES":
            for t in themes:
                if t == T_OUTCOMES:
                    add("theme", flt(sub["results"]), [t])
                else:
                    add("theme", L["themes"][t], [t], modes=tmodes)
            continue
        if slot.endswith("?") and rng.random() < 0.45:
            continue
        slot = slot.rstrip("?")
        add(slot, banks[slot])
    for extra in ("desc", "act", "bg", "method", "concl"):
        if sum(words(x["text"]) for x in sents) >= 85:
            break
        bank = banks[extra]
        s, _ = render(bank, ctx, rng, rec, used=used)
        if s:
            pos = 1 if extra in ("desc", "act") else (0 if extra == "bg" else len(sents))
            sents.insert(pos, dict(kind=extra, text=s, themes=[]))
    if not any(x["kind"] == "main" for x in sents):
        return None
    got = []
    for x in sents:
        for t in x["themes"]:
            if t not in got:
                got.append(t)
    ctx["theme_t"] = rng.choice(L["theme_titles"][got[0]]) if got else None
    title, _ = render(L["titles"], ctx, rng, rec)
    if not title:
        return None
    abstract = " ".join(x["text"] for x in sents)
    if lang == "fr":
        title, abstract = fr_spacing(title), fr_spacing(abstract)
    return {"title": title, "abstract": abstract, "year": year, "type": rtype,
            "lang": lang, "origin": "composed",
            "labels": {"country": [code], "policy_area": [area], "approach": [approach], "theme": got}}


def fr_spacing(text):
    """French elision and contraction after filling slots, and a space before : ; ? !"""
    text = re.sub(r"\b([Dd])e (un|une)\b", r"\1'\2", text)
    text = re.sub(r"\b([Dd])e le\b", r"\1u", text)
    text = re.sub(r"\b([Dd])e les\b", r"\1es", text)
    text = re.sub(r"\bà le\b", "au", text)
    text = re.sub(r"\bà les\b", "aux", text)
    return re.sub(r"(?<=[\w»)])([:;?!])", r" \1", text)


def norm3(e):
    if isinstance(e, str):
        return ("A", e, {})
    if len(e) == 2:
        return ("A", e[0], e[1]) if isinstance(e[1], dict) else (e[0], e[1], {})
    return e


LANGS = {}

LANGS["fr"] = dict(
    types={"journal article": 35, "evaluation report": 15, "working paper": 12, "thesis": 8, "policy report": 10,
           "case study": 8, "briefing note": 5, "book chapter": 4, "conference paper": 3},
    docs={"journal article": ["Cet article", "Cette étude"], "evaluation report": ["Ce rapport d'évaluation", "Ce rapport"],
          "policy report": ["Ce rapport", "Cette note de politique publique"], "working paper": ["Ce document de travail"],
          "thesis": ["Cette thèse"], "case study": ["Cette étude de cas"], "briefing note": ["Cette note"],
          "book chapter": ["Ce chapitre"], "conference paper": ["Cette communication"]},
    places={
        "FR": [("à Paris", "Paris"), ("en Île-de-France", "Île-de-France"), ("à Lyon", "Lyon"), ("à Marseille", "Marseille"),
               ("à Lille", "Lille"), ("en Seine-Saint-Denis", "Seine-Saint-Denis"), ("en France", "France"),
               ("dans les Hauts-de-France", "Hauts-de-France"), ("à Bordeaux", "Bordeaux"), ("à Toulouse", "Toulouse"),
               ("à Strasbourg", "Strasbourg"), ("à Nantes", "Nantes")],
        "BE": [("à Bruxelles", "Bruxelles"), ("en Wallonie", "Wallonie"), ("à Liège", "Liège"), ("à Charleroi", "Charleroi"),
               ("en Belgique", "Belgique")],
        "CH": [("dans le canton de Vaud", "Vaud"), ("à Genève", "Genève"), ("à Lausanne", "Lausanne"), ("en Suisse romande", "Suisse romande")],
        "CA": [("à Montréal", "Montréal"), ("au Québec", "Québec")],
        "BF": [("au Burkina Faso", "Burkina Faso"), ("à Ouagadougou", "Ouagadougou"), ("à Bobo-Dioulasso", "Bobo-Dioulasso")],
        "CM": [("au Cameroun", "Cameroun"), ("à Yaoundé", "Yaoundé"), ("à Douala", "Douala"),
               ("dans la région de l'Extrême-Nord du Cameroun", "Extrême-Nord")],
        "SN": [("au Sénégal", "Sénégal"), ("à Dakar", "Dakar"), ("dans la région de Thiès", "Thiès")],
        "BJ": [("au Bénin", "Bénin"), ("à Cotonou", "Cotonou")],
        "ML": [("au Mali", "Mali"), ("à Bamako", "Bamako"), ("dans la région de Mopti", "Mopti")],
        "BI": [("au Burundi", "Burundi"), ("à Bujumbura", "Bujumbura")],
        "CD": [("en République démocratique du Congo", "RDC"), ("à Kinshasa", "Kinshasa"), ("au Sud-Kivu", "Sud-Kivu")],
        "RW": [("au Rwanda", "Rwanda"), ("à Kigali", "Kigali")],
        "CI": [("en Côte d'Ivoire", "Côte d'Ivoire"), ("à Abidjan", "Abidjan")],
        "NE": [("au Niger", "Niger"), ("à Niamey", "Niamey")],
        "TD": [("au Tchad", "Tchad"), ("à N'Djamena", "N'Djamena")],
        "HT": [("en Haïti", "Haïti"), ("à Port-au-Prince", "Port-au-Prince")],
        "MA": [("au Maroc", "Maroc"), ("à Casablanca", "Casablanca")],
    },
    mixes=[(8, SIB, EMPLOY, {"FR": 6, "BE": 3, "CH": 1.5}, 2016), (3, SIB, CHILD, {"FR": 1}, 2017),
           (2, SIB, HEALTH, {"FR": 1}, 2017), (2, SIB, HOMELESS, {"FR": 1, "BE": 0.5}, 2017),
           (1.5, PBR, EMPLOY, {"FR": 1}, 2008), (1, PBC, EMPLOY, {"CA": 1}, 2005),
           (12, RBF, HEALTH, {"BF": 3, "CM": 3, "SN": 1, "BJ": 2, "ML": 1, "BI": 2, "CD": 2, "RW": 1.5, "CI": 1, "NE": 1, "TD": 1, "HT": 1}, 2008),
           (2, DIB, HEALTH, {"CM": 1, "ML": 1, "CD": 1}, 2017), (1.5, PBR, EDUC, {"SN": 1, "MA": 1, "CI": 1}, 2014)],
    subs=[
        dict(area=EMPLOY, appr={SIB, PBC},
             progs=["un programme d'accompagnement vers l'emploi de jeunes sans qualification",
                    "un parcours de formation et d'alternance pour des jeunes décrocheurs"],
             groups=["les jeunes sans diplôme", "les jeunes de 16 à 25 ans", "les jeunes décrocheurs"],
             topics=["l'emploi des jeunes", "l'insertion professionnelle"],
             provs=["une association d'insertion", "une entreprise sociale", "une école de la deuxième chance"],
             acts=["Chaque jeune est suivi par un conseiller référent pendant dix-huit mois, y compris après la signature d'un contrat.",
                   "Le parcours combine remise à niveau, immersion en entreprise et accompagnement social."],
             results=["Le taux d'accès à un emploi ou à une formation qualifiante dépasse l'objectif fixé au contrat.",
                      "Les résultats sont positifs mais modestes, et l'absence de groupe de comparaison limite leur interprétation.",
                      "Environ la moitié des jeunes occupent un emploi ou suivent une formation à la fin de l'accompagnement."]),
        dict(area=EMPLOY, appr={SIB}, codes={"FR", "BE", "CH"},
             progs=["un programme de mentorat professionnel pour des personnes réfugiées",
                    "un programme d'insertion professionnelle de personnes réfugiées"],
             groups=["les personnes réfugiées", "les bénéficiaires d'une protection internationale"],
             topics=["l'intégration des réfugiés", "l'insertion professionnelle"],
             provs=["une association d'aide aux réfugiés", "une entreprise sociale"],
             acts=["Des mentors bénévoles, souvent issus du monde de l'entreprise, épaulent les participants dans leur recherche d'emploi.",
                   "Les cours de langue sont combinés à des stages en entreprise dès les premières semaines."],
             results=["Un peu plus de la moitié des participants occupent un emploi un an après leur entrée dans le programme.",
                      "L'évaluation ne met pas en évidence d'effet significatif sur l'emploi à douze mois."]),
        dict(area=EMPLOY, appr={SIB, PBR, PBC},
             progs=["un dispositif d'insertion professionnelle pour des demandeurs d'emploi de longue durée",
                    "un accompagnement renforcé de personnes éloignées de l'emploi"],
             groups=["les demandeurs d'emploi de longue durée", "les allocataires des minima sociaux"],
             topics=["le retour à l'emploi", "l'insertion professionnelle"],
             provs=["une association d'insertion", "une entreprise sociale", "une association spécialisée dans l'emploi", "un opérateur privé de placement"],
             acts=["Chaque participant est suivi par un conseiller référent pendant dix-huit mois, y compris après la reprise d'un emploi.",
                   "Le programme combine formation, immersion en entreprise et accompagnement social."],
             results=["Le taux d'accès à un emploi durable six mois après la sortie du dispositif dépasse l'objectif fixé au contrat.",
                      "Les résultats en matière de retour à l'emploi sont positifs mais modestes, et l'absence de groupe de comparaison limite leur interprétation.",
                      "Environ la moitié des participants occupent un emploi ou suivent une formation qualifiante à la fin de l'accompagnement.",
                      "L'évaluation ne met pas en évidence d'effet significatif sur l'emploi à douze mois."],
             ctx=["Le chômage de longue durée reste élevé malgré la multiplication des dispositifs d'accompagnement.",
                  "Les politiques d'insertion sont souvent financées selon les moyens engagés plutôt que selon les résultats obtenus."]),
        dict(area=CHILD, appr={SIB},
             progs=["un programme de prévention des placements d'enfants", "un accompagnement intensif de familles en difficulté",
                    "un dispositif de soutien à la parentalité"],
             groups=["les familles vulnérables", "les enfants à risque de placement", "les jeunes parents isolés"],
             topics=["la protection de l'enfance", "la prévention des placements", "le soutien à la parentalité"],
             acts=["Des éducateurs interviennent au domicile des familles plusieurs fois par semaine.",
                   "L'intervention s'adresse aux familles signalées par les services départementaux de l'aide sociale à l'enfance."],
             results=["Le nombre de placements évités est supérieur aux prévisions du contrat.",
                      "Les effets sur le maintien des enfants dans leur famille restent difficiles à isoler d'autres facteurs.",
                      "La plupart des familles accompagnées n'ont pas connu de placement dans les deux ans suivant l'intervention."],
             ctx=["Le coût des placements pèse lourdement sur les budgets départementaux de la protection de l'enfance."]),
        dict(area=HEALTH, appr={SIB},
             progs=["un accompagnement de personnes âgées visant à prévenir la perte d'autonomie"],
             groups=["les personnes âgées isolées", "les personnes âgées fragiles"], topics=["le vieillissement", "la prévention de la perte d'autonomie"],
             acts=["Des intervenants proposent des visites à domicile, des activités collectives et une aide à l'adaptation du logement."],
             results=["Les entrées en établissement sont moins nombreuses chez les participants que dans le groupe témoin.",
                      "Les indicateurs d'autonomie évoluent favorablement, mais l'effet reste inférieur aux hypothèses initiales."]),
        dict(area=HEALTH, appr={SIB},
             progs=["un programme de prévention des maladies chroniques", "un programme de prévention du diabète"],
             groups=["les patients atteints de maladies chroniques", "les adultes à risque de diabète"],
             topics=["la prévention en santé", "les maladies chroniques"],
             acts=["Des infirmières et des coachs proposent un suivi à domicile et des ateliers collectifs.",
                   "Les participants sont repérés à partir des données de l'assurance maladie."],
             results=["Le nombre d'hospitalisations évitables diminue chez les participants par rapport au groupe témoin.",
                      "Les indicateurs de santé évoluent favorablement, mais l'effet reste inférieur aux hypothèses initiales."]),
        dict(area=HOMELESS, appr={SIB},
             progs=["un programme « Logement d'abord » pour des personnes sans abri", "un dispositif d'accès au logement pour des personnes sortant de la rue"],
             groups=["les personnes sans abri", "les personnes vivant à la rue depuis longtemps"],
             topics=["le sans-abrisme", "l'accès au logement"],
             acts=["Les personnes accèdent directement à un logement, avec un accompagnement pluridisciplinaire à domicile."],
             results=["La grande majorité des personnes relogées sont toujours dans leur logement au bout d'un an.",
                      "Le recours aux urgences et aux hébergements d'urgence diminue nettement après le relogement."]),
        dict(area=HEALTH, appr={RBF},
             progs=["un programme de santé maternelle et infantile", "le paquet minimum d'activités des centres de santé",
                    "un programme de santé de la reproduction"],
             groups=["les femmes enceintes", "les enfants de moins de cinq ans", "les ménages ruraux"],
             topics=["la santé maternelle", "les soins de santé primaires", "le financement de la santé"],
             acts=["Des agents de santé communautaires encouragent les femmes à consulter et à accoucher dans les formations sanitaires.",
                   "Les formations sanitaires ont été réhabilitées et dotées d'équipements de base."],
             results=["Le taux d'accouchements assistés progresse plus vite dans les districts bénéficiaires que dans les districts témoins.",
                      "La couverture vaccinale et les consultations prénatales augmentent, tandis que les services non rémunérés stagnent.",
                      "Aucun effet significatif n'est observé sur la mortalité néonatale."],
             ctx=["La mortalité maternelle demeure élevée, en particulier dans les zones rurales où l'offre de soins est limitée."]),
        dict(area=HEALTH, appr={DIB},
             progs=["un programme de chirurgie de la cataracte", "un programme de réadaptation physique"],
             groups=["les patients atteints de cataracte", "les personnes en situation de handicap physique"],
             topics=["la santé oculaire", "la réadaptation physique"],
             acts=["Des campagnes de dépistage orientent les patients vers les hôpitaux partenaires.",
                   "Les centres de réadaptation fournissent des prothèses et des séances de kinésithérapie."],
             results=["Le nombre d'interventions réussies dépasse l'objectif, ce qui déclenche le remboursement des investisseurs.",
                      "L'efficience des centres, mesurée par le nombre de patients traités par agent, s'améliore progressivement."]),
        dict(area=EDUC, appr={PBR},
             progs=["un programme d'amélioration des apprentissages dans les écoles primaires", "un programme de scolarisation des filles"],
             groups=["les élèves du primaire", "les filles en milieu rural"],
             topics=["la qualité de l'éducation", "la scolarisation des filles"],
             acts=["Les enseignants bénéficient d'un accompagnement pédagogique régulier et de nouveaux supports de lecture."],
             results=["Les scores en lecture progressent, surtout dans les écoles les mieux encadrées.",
                      "Le taux de scolarisation des filles augmente, mais les acquis restent faibles."]),
    ],
    appr={
        SIB: dict(np=[("un contrat à impact social", {"FR"}), ("un contrat à impact social (CIS)", {"FR"}),
                      ("une obligation à impact social", {"BE", "CH"}), ("un social impact bond", {"BE", "CH"})],
                  def_="le contrat", plural=[("les contrats à impact social", {"FR"}), ("les obligations à impact social", {"BE", "CH"})],
                  desc=["Des investisseurs, dont {investor}, avancent {capital} à l'opérateur, {provider}, et {payer} ne les rembourse qu'en cas d'atteinte des objectifs.",
                        "Le contrat, d'une durée de {duration} ans, fixe des indicateurs de résultat vérifiés par un évaluateur indépendant.",
                        "{Payer} s'engage à rembourser les investisseurs, avec une rémunération plafonnée, si les résultats convenus sont atteints.",
                        "Le montage associe un opérateur associatif, des investisseurs sociaux et un évaluateur indépendant chargé de mesurer les résultats."]),
        DIB: dict(np=["une obligation à impact sur le développement", "un contrat à impact sur le développement"], def_="le mécanisme",
                  plural=["les obligations à impact sur le développement"],
                  desc=["Un investisseur privé préfinance les activités, et {donor} rembourse le capital, assorti d'un rendement, en fonction des résultats vérifiés.",
                        "Les paiements dépendent du nombre d'interventions réussies, mesuré par un vérificateur indépendant.",
                        "Comme dans les autres obligations à impact sur le développement, le payeur final est un bailleur et non l'État."]),
        RBF: dict(np=["un programme de financement basé sur les résultats", "un mécanisme de financement basé sur la performance (FBP)",
                      "un programme de financement basé sur la performance"], def_="le mécanisme",
                  plural=["le financement basé sur la performance", "le financement basé sur les résultats"],
                  desc=["Les formations sanitaires reçoivent des paiements pour chaque service vérifié, par exemple les accouchements assistés et les consultations prénatales, modulés par un score de qualité.",
                        "Les données déclarées sont contre-vérifiées par des enquêtes communautaires avant tout paiement.",
                        "Le mécanisme est financé par {donor} et géré par une agence d'achat indépendante des prestataires.",
                        "Les centres de santé disposent d'une large autonomie dans l'utilisation des primes, notamment pour motiver le personnel ou acheter des médicaments."]),
        PBR: dict(np=["un dispositif de paiement aux résultats", "un marché rémunéré au résultat"], def_="le dispositif",
                  plural=["le paiement aux résultats"],
                  desc=[("L'opérateur n'est rémunéré intégralement que si le participant retrouve un emploi durable.", {EMPLOY}),
                        "Une partie importante de la rémunération dépend des résultats, mesurés à partir de données administratives.",
                        ("Les fonds sont décaissés en fonction d'indicateurs liés aux résultats, tels que les scores en lecture et le taux de scolarisation.", {EDUC})]),
        PBC: dict(np=["un contrat de performance", "un contrat axé sur les résultats"], def_="le contrat", plural=["les contrats de performance"],
                  desc=["Le contrat de performance lie une partie du paiement à des indicateurs précis, avec des primes en cas de dépassement des objectifs.",
                        "Les prestataires sont classés selon leurs résultats, ce qui détermine leur part des orientations futures."]),
    },
    payers=[("l'État", {"FR", "SN", "CI", "MA"}), ("le ministère du Travail", {"FR"}), ("le conseil départemental", {"FR"}),
            ("la Région de Bruxelles-Capitale", {"BE"}), ("la Wallonie", {"BE"}), ("le canton", {"CH"}),
            ("le gouvernement du Québec", {"CA"}), ("le ministère de la Santé", {"BF", "CM", "BJ", "ML", "BI", "CD", "RW", "NE", "TD", "HT"})],
    investors=["une banque", "un fonds d'investissement solidaire", "une fondation d'entreprise", "plusieurs banques et fondations", "un investisseur à impact"],
    donors=["la Banque mondiale", "une fondation privée", "un bailleur bilatéral", "un consortium de bailleurs"],
    providers=["une association", "une organisation non gouvernementale", "un opérateur spécialisé"],
    capital=[("[1|1,5|2|3|4] millions d'euros", {"FR", "BE"}), ("[1|2|3] millions de francs", {"CH"}), ("[2|3|5] millions de dollars", None)],
    durations=["trois", "quatre", "cinq", "six"],
    mains=["{doc} porte sur {np} qui finance {prog} {in_place}.",
           "{doc} analyse le recours à {np} pour financer {prog} {in_place}.",
           "{doc} examine {np} qui finance, {in_place}, {prog}.",
           "{doc} évalue {prog} mis en place {in_place} et financé par {np}.",
           "{doc} étudie ce que change {np} pour {group} {in_place}.",
           "[À partir|Sur la base] [d'entretiens|de documents] et de données de suivi, {doc_l} [analyse|examine] {np} qui finance {prog} {in_place}.",
           "Que change le paiement aux résultats pour {group} ? {doc} [répond à|aborde] cette question {in_place}, à propos de {np}."],
    methods={"B": ["L'étude s'appuie sur {n} entretiens [semi-directifs|approfondis] avec des [responsables publics|représentants de l'administration], des investisseurs et des professionnels de terrain.",
                   "Les auteurs ont observé les comités de pilotage pendant [deux|trois] ans et analysé les [contrats|documents contractuels]."],
             "R": ["L'analyse repose sur des entretiens avec des responsables de district, des agents de santé et des représentants des bailleurs.",
                   "L'évaluation compare les districts couverts par le mécanisme à des districts témoins selon une méthode de doubles différences."],
             "C": ["L'étude s'appuie sur {n} entretiens avec des agents publics et des responsables d'opérateurs."],
             "*": ["Les auteurs combinent l'analyse de données administratives et une enquête auprès des [bénéficiaires|participants].",
                   "[La méthode|L'approche] [associe|combine] une analyse documentaire, des entretiens et l'exploitation des données de suivi.",
                   "L'analyse documentaire porte sur les contrats, les rapports d'activité et les comptes rendus des comités de pilotage."]},
    themes={
        T_DELIVERY: [("N", "Les intervenants disposent d'une plus grande souplesse pour adapter l'accompagnement aux besoins de chacun."),
                     ("N", "Le passage à une logique de résultats a modifié les pratiques professionnelles, avec des suivis plus longs et plus individualisés."),
                     ("R", "Les centres de santé ont élargi leurs horaires d'ouverture et renforcé les activités de sensibilisation.")],
        T_UTIL: [("N", "Le nombre de personnes orientées vers le dispositif est resté inférieur aux prévisions la première année."),
                 ("R", "La fréquentation des services a nettement augmenté, en particulier pour les services rémunérés.")],
        T_UNINTENDED: [("N", "Les auteurs relèvent un risque d'écrémage, les opérateurs ayant intérêt à privilégier les publics les plus faciles à accompagner."),
                       ("R", "Certains services non rémunérés ont été délaissés, ce qui illustre les effets pervers d'une rémunération à la performance.")],
        T_ACCEPT: [("B", "Le recours à des investisseurs privés pour financer l'action sociale suscite de vives critiques de la part des syndicats et de certains élus."),
                   ("A", "L'acceptabilité politique du dispositif repose largement sur quelques responsables convaincus au sein de l'administration.")],
        T_COSTS: [("N", "Les coûts de transaction, notamment juridiques et d'évaluation, sont élevés au regard de la taille du contrat."),
                  ("R", "Le coût de la vérification absorbe une part non négligeable du budget du programme."),
                  ("A", "Les économies attendues pour les finances publiques se révèlent plus faibles que prévu.")],
        T_DESIGN: [("A", "La définition des indicateurs de résultat et du niveau de référence a nécessité plus d'un an de négociations."),
                   ("A", "Le choix d'indicateurs simples à mesurer a conduit à laisser de côté des dimensions importantes de l'intervention.")],
        T_INVESTOR: [("B", "Les investisseurs, surtout des banques et des fondations, acceptent un rendement modeste et participent activement au comité de pilotage."),
                     ("B", "Le rôle des investisseurs dans la gouvernance reste limité, l'essentiel du pilotage étant assuré par l'opérateur.")],
        T_REL: [("A", "Les relations entre les partenaires reposent davantage sur la confiance et le dialogue que sur les clauses du contrat."),
                ("N", "Des tensions apparaissent autour du nombre d'orientations et de l'interprétation des indicateurs.")],
        T_MIS: [("N", "Le suivi des résultats a exigé la mise en place d'un système d'information dédié et d'accords d'échange de données avec l'administration."),
                ("R", "La qualité des données sanitaires s'est améliorée grâce à la contre-vérification.")],
        T_CULTURE: [("N", "Les structures associatives ont dû renforcer leurs capacités de gestion et de suivi, ce qui a transformé leur culture interne."),
                    ("R", "La motivation du personnel de santé a augmenté au début, avant de s'éroder avec les retards de paiement.")],
        T_EQUITY: [("R", "Les gains profitent moins aux ménages les plus pauvres, ce qui soulève des questions d'équité."),
                   ("N", "Le dispositif cible explicitement les publics les plus éloignés de l'emploi ou des services, avec des paiements majorés.")],
        T_SCALE: [("N", "La généralisation du modèle paraît difficile compte tenu de la complexité du montage."),
                  ("R", "Après la phase pilote, le mécanisme a été étendu à l'ensemble des districts sanitaires du pays.")],
        T_SYSTEM: [("R", "Selon les auteurs, le mécanisme a renforcé les capacités de supervision et de gestion financière au niveau des districts."),
                   ("N", "L'expérience a diffusé une culture de l'évaluation au sein des administrations concernées.")],
        T_LEGACY: [("R", "À la fin du financement extérieur, l'État n'a maintenu le mécanisme que partiellement, faute de ressources budgétaires."),
                   ("N", "Plusieurs éléments du modèle ont été repris dans les politiques publiques après la fin du contrat.")],
        T_SATIS: [("N", "Les participants interrogés se disent satisfaits de la continuité de l'accompagnement."),
                  ("R", "Le personnel de santé apprécie les primes mais se plaint des retards de paiement.")],
        T_AUX: [("R", "D'autres réformes menées en parallèle, comme la gratuité des soins pour les femmes enceintes, compliquent l'attribution des résultats."),
                ("N", "L'opérateur a mobilisé des financements complémentaires et du bénévolat qui ne figurent pas dans le prix du contrat.")],
    },
    concl=["Les auteurs concluent que le mécanisme n'est ni une panacée ni une simple privatisation, et que sa valeur dépend du contexte.",
           "Des recommandations sont formulées à l'intention des pouvoirs publics.",
           "L'article appelle à des évaluations plus rigoureuses de ces mécanismes.",
           "Les enseignements tirés intéressent les décideurs qui envisagent des montages similaires.",
           "[En conclusion|Au total], l'article [souligne|rappelle] les conditions dans lesquelles ce type de mécanisme peut être utile."],
    bg={SIB: [("Les contrats à impact social, introduits en France en 2016, font financer des programmes sociaux par des investisseurs privés remboursés par la puissance publique en cas de succès.", {"FR"}),
              ("Dans une obligation à impact social, des investisseurs privés financent un programme social et ne sont remboursés par les pouvoirs publics qu'en cas de succès.", {"BE", "CH"})],
        RBF: [("Le financement basé sur la performance s'est largement diffusé dans les systèmes de santé d'Afrique subsaharienne depuis la fin des années 2000.",
               {"BF", "CM", "SN", "BJ", "ML", "BI", "CD", "RW", "CI", "NE", "TD"}),
              "Le financement basé sur la performance lie une partie des ressources des formations sanitaires aux services effectivement rendus et vérifiés."],
        PBR: ["Le paiement aux résultats vise à responsabiliser les opérateurs en liant leur rémunération aux résultats obtenus."]},
    titles=["{Plural} et {topic} {in_place}", "{theme_t} et {topic} : {np} {in_place}",
            "Payer pour des résultats ? {Plural} et {topic} {in_place}", "{Topic} à l'épreuve du paiement aux résultats {in_place}",
            "Ce que change {np} : {topic} {in_place}", "{theme_t} : {plural} {in_place}"],
    theme_titles={T_DELIVERY: ["Transformer les pratiques"], T_UTIL: ["Recours aux services"], T_OUTCOMES: ["Quels résultats"],
                  T_UNINTENDED: ["Effets pervers"], T_ACCEPT: ["Légitimité et controverses"], T_COSTS: ["Coûts de transaction"],
                  T_DESIGN: ["Construire les indicateurs"], T_INVESTOR: ["Le rôle des investisseurs"], T_REL: ["Confiance et partenariat"],
                  T_MIS: ["Données et pilotage"], T_CULTURE: ["Culture de la performance"], T_EQUITY: ["Équité et ciblage"],
                  T_SCALE: ["Changer d'échelle"], T_SYSTEM: ["Effets sur le système"], T_LEGACY: ["Après le contrat"],
                  T_SATIS: ["Satisfaction des acteurs"], T_AUX: ["Réformes parallèles"]},
)
LANGS["es"] = dict(
    types={"journal article": 35, "evaluation report": 15, "working paper": 12, "thesis": 8, "policy report": 10,
           "case study": 8, "briefing note": 5, "book chapter": 4, "conference paper": 3},
    docs={"journal article": ["Este artículo", "Este estudio"], "evaluation report": ["Este informe de evaluación", "Este informe"],
          "policy report": ["Este informe", "Este documento de política"], "working paper": ["Este documento de trabajo"],
          "thesis": ["Esta tesis"], "case study": ["Este estudio de caso"], "briefing note": ["Esta nota"],
          "book chapter": ["Este capítulo"], "conference paper": ["Esta ponencia"]},
    places={
        "CO": [("en Bogotá", "Bogotá"), ("en Medellín", "Medellín"), ("en Cali", "Cali"), ("en Pereira", "Pereira"),
               ("en Barranquilla", "Barranquilla"), ("en Colombia", "Colombia"), ("en Cartagena", "Cartagena")],
        "PE": [("en Junín", "Junín"), ("en el valle del río Ene", "valle del río Ene"), ("en la Amazonía peruana", "Amazonía peruana"),
               ("en el Perú", "Perú"), ("en Lima", "Lima"), ("en Cusco", "Cusco")],
        "AR": [("en Buenos Aires", "Buenos Aires"), ("en la provincia de Buenos Aires", "provincia de Buenos Aires"),
               ("en Argentina", "Argentina"), ("en Misiones", "Misiones"), ("en Tucumán", "Tucumán"), ("en Salta", "Salta"), ("en Jujuy", "Jujuy")],
        "CL": [("en Santiago de Chile", "Santiago de Chile"), ("en Chile", "Chile"), ("en Valparaíso", "Valparaíso"), ("en la región del Biobío", "Biobío")],
        "MX": [("en Jalisco", "Jalisco"), ("en la Ciudad de México", "Ciudad de México"), ("en México", "México"),
               ("en Guadalajara", "Guadalajara"), ("en Chiapas", "Chiapas")],
        "ES": [("en Madrid", "Madrid"), ("en Barcelona", "Barcelona"), ("en Cataluña", "Cataluña"), ("en el País Vasco", "País Vasco"),
               ("en España", "España"), ("en Andalucía", "Andalucía"), ("en Valencia", "Valencia"), ("en Bilbao", "Bilbao")],
        "NI": [("en Nicaragua", "Nicaragua"), ("en Managua", "Managua"), ("en la Costa Caribe de Nicaragua", "Costa Caribe nicaragüense")],
        "HN": [("en Honduras", "Honduras"), ("en Tegucigalpa", "Tegucigalpa")],
        "GT": [("en Guatemala", "Guatemala"), ("en Huehuetenango", "Huehuetenango"), ("en Alta Verapaz", "Alta Verapaz")],
        "EC": [("en Ecuador", "Ecuador"), ("en la Amazonía ecuatoriana", "Amazonía ecuatoriana"), ("en Esmeraldas", "Esmeraldas")],
    },
    mixes=[(7, SIB, EMPLOY, {"CO": 5, "AR": 1.5, "CL": 1}, 2017), (2, OF, EMPLOY, {"CO": 1}, 2019),
           (3, DIB, AGRI, {"PE": 1}, 2015), (2, SIB, POVERTY, {"MX": 1}, 2018),
           (3, RBF, HEALTH, {"AR": 1}, 2006), (3, RBF, HEALTH, {"NI": 1, "HN": 1, "GT": 1}, 2012),
           (2.5, SIB, EMPLOY, {"ES": 1}, 2017), (1.5, SIB, HOMELESS, {"ES": 1}, 2018), (1, SIB, CHILD, {"ES": 1}, 2018),
           (1.5, RBF, AGRI, {"EC": 1, "CO": 0.5, "PE": 0.5}, 2013), (1.5, PBC, EMPLOY, {"CL": 1, "PE": 1, "AR": 1}, 1998)],
    subs=[
        dict(area=EMPLOY, appr={SIB, OF}, codes={"CO", "AR", "CL"},
             progs=["un programa de formación y colocación laboral para personas en situación de pobreza",
                    ("un programa de inserción laboral para víctimas del conflicto armado", {"CO"})],
             groups=["las personas en situación de pobreza extrema", "las mujeres jefas de hogar", "la población vulnerable"],
             topics=["la empleabilidad", "la inserción laboral"],
             provs=["una fundación local", "un operador de formación", "una organización no gubernamental"],
             acts=["Los participantes reciben orientación, formación corta y apoyo en la búsqueda de empleo.",
                   "El operador acompaña a cada persona durante los primeros meses en el puesto de trabajo."],
             results=["Más de la mitad de los participantes consiguió un empleo formal, aunque la retención a seis meses fue menor de lo previsto.",
                      "La colocación laboral superó la meta pactada, lo que activó los pagos por resultados.",
                      "La retención en el empleo a tres meses fue el resultado más difícil de alcanzar."]),
        dict(area=EMPLOY, appr={SIB, OF, PBC}, codes={"CO", "AR", "CL", "PE"},
             progs=["un programa de empleo para jóvenes vulnerables", "un programa de capacitación para jóvenes desempleados"],
             groups=["los jóvenes vulnerables", "los jóvenes que no estudian ni trabajan", "los jóvenes desempleados"],
             topics=["el empleo juvenil", "la inserción laboral de los jóvenes"],
             provs=["una fundación local", "un operador de formación", "una organización no gubernamental"],
             acts=["Los participantes reciben formación en habilidades socioemocionales, orientación vocacional y apoyo en la búsqueda de empleo.",
                   "El operador acompaña a cada persona durante los primeros meses en el puesto de trabajo.",
                   "La formación se diseña junto con empresas que se comprometen a entrevistar a los egresados."],
             results=["Más de la mitad de los participantes consiguió un empleo formal, aunque la retención a seis meses fue menor de lo previsto.",
                      "La colocación laboral superó la meta pactada, lo que activó los pagos por resultados.",
                      "La evaluación no encuentra efectos significativos sobre los ingresos al cabo de un año.",
                      "La retención en el empleo a tres meses fue el resultado más difícil de alcanzar."],
             ctx=["El desempleo juvenil y la informalidad siguen siendo altos, sobre todo entre los jóvenes de hogares pobres."]),
        dict(area=EMPLOY, appr={SIB}, codes={"ES"},
             progs=["un programa de empleo para parados de larga duración", "un itinerario de inserción para personas en riesgo de exclusión"],
             groups=["los parados de larga duración", "las personas en riesgo de exclusión"],
             topics=["la inserción laboral", "la activación laboral"],
             provs=["una entidad del tercer sector", "una fundación", "una empresa de inserción"],
             acts=["Cada participante cuenta con un orientador que le acompaña durante la formación y los primeros meses de empleo.",
                   "El itinerario combina formación, prácticas en empresas y apoyo social."],
             results=["Cerca de la mitad de los participantes logró un contrato de trabajo de al menos seis meses.",
                      "Las metas de inserción se cumplieron, lo que permitió devolver el capital a los inversores.",
                      "No se observa un efecto significativo sobre el empleo a los doce meses."]),
        dict(area=HOMELESS, appr={SIB},
             progs=["un programa Housing First para personas sin hogar", "un programa de acceso a la vivienda para personas en situación de calle"],
             groups=["las personas sin hogar", "las personas en situación de calle de larga duración"],
             topics=["el sinhogarismo", "el acceso a la vivienda"], provs=["una entidad del tercer sector", "una fundación"],
             acts=["Las personas acceden directamente a una vivienda y reciben apoyo de un equipo multidisciplinar."],
             results=["La gran mayoría de los participantes mantiene la vivienda después de un año.",
                      "El uso de urgencias hospitalarias y albergues disminuye tras el acceso a la vivienda."]),
        dict(area=CHILD, appr={SIB},
             progs=["un programa de prevención del acogimiento residencial", "un programa de apoyo intensivo a familias en riesgo"],
             groups=["los menores en riesgo de desprotección", "las familias en situación de vulnerabilidad"],
             topics=["la protección a la infancia", "el apoyo a las familias"], provs=["una entidad especializada", "una fundación"],
             acts=["Los educadores trabajan en el domicilio con toda la familia durante varios meses."],
             results=["Se evitaron más ingresos en centros de los previstos en el contrato.",
                      "Los efectos sobre la permanencia de los menores en su familia son difíciles de atribuir al programa."]),
        dict(area=POVERTY, appr={SIB},
             progs=["un programa de autonomía económica para mujeres jefas de hogar", "un programa de emprendimiento para hogares en pobreza"],
             groups=["las mujeres jefas de hogar", "los hogares en situación de pobreza"],
             topics=["la reducción de la pobreza", "la autonomía económica de las mujeres"], provs=["una organización de la sociedad civil", "una fundación"],
             acts=["Las participantes reciben capacitación, capital semilla y acompañamiento durante un año."],
             results=["Los ingresos de los hogares participantes aumentaron de forma moderada.",
                      "La proporción de participantes con un negocio activo al cabo de un año superó la meta."]),
        dict(area=AGRI, appr={DIB}, where={"Junín", "valle del río Ene", "Amazonía peruana", "Perú"},
             progs=["un programa de producción sostenible de cacao y café con comunidades asháninka"],
             groups=["las comunidades asháninka", "los pequeños productores de cacao y café"],
             topics=["la agricultura familiar", "las cadenas de valor del cacao y el café"], provs=["una cooperativa agraria", "una organización no gubernamental"],
             acts=["Los productores reciben asistencia técnica, plantones mejorados y apoyo para organizarse en una cooperativa."],
             results=["El rendimiento de los cultivos y los ingresos de los productores aumentaron, aunque por debajo de las metas iniciales.",
                      "La calidad del cacao vendido mejoró, lo que permitió acceder a mejores precios."]),
        dict(area=AGRI, appr={RBF},
             progs=["un programa de conservación de bosques", "un programa de reducción de la deforestación"],
             groups=["las comunidades indígenas", "las comunidades que dependen del bosque"],
             topics=["la conservación de los bosques", "la deforestación evitada"], provs=["el ministerio de ambiente"],
             acts=["Las comunidades reciben incentivos por conservar el bosque y apoyo para actividades productivas alternativas."],
             results=["La deforestación se redujo en las zonas participantes frente al nivel de referencia.",
                      "Las reducciones de emisiones verificadas permitieron recibir los pagos por resultados previstos."]),
        dict(area=HEALTH, appr={RBF},
             progs=["un programa de salud materno-infantil", ("un seguro público de salud para madres y niños sin cobertura", {"AR"}),
                    "un paquete de servicios de salud materna y neonatal"],
             groups=["las mujeres embarazadas", "los niños menores de seis años", "las comunidades rurales más pobres"],
             topics=["la salud materno-infantil", "la atención primaria"], provs=["los establecimientos públicos de salud"],
             acts=["Los establecimientos de salud reciben recursos adicionales por cada prestación verificada.",
                   "Equipos comunitarios visitan los hogares para promover el control prenatal."],
             results=["La proporción de embarazadas con control prenatal temprano aumentó en las zonas del programa.",
                      "Se observa una mejora en la cobertura de vacunación y en el parto institucional.",
                      "Los indicadores de calidad de la atención mejoraron, aunque de forma desigual entre establecimientos."]),
    ],
    appr={
        SIB: dict(np=["un bono de impacto social"], plural=["los bonos de impacto social"],
                  desc=["Inversores privados, entre ellos {investor}, financian la intervención por adelantado y {payer} les devuelve el capital, con un rendimiento, solo si se alcanzan los resultados acordados.",
                        "El contrato, de {duration} años, fija metas verificadas por un evaluador independiente.",
                        "Un intermediario estructura la operación, coordina a los operadores y hace el seguimiento de los resultados.",
                        "{Payer} paga por cada participante que alcanza los resultados pactados, con un tope máximo de pagos."]),
        OF: dict(np=["un fondo de pago por resultados"], plural=["los fondos de pago por resultados"],
                 desc=["El fondo reúne recursos públicos y de cooperación para pagar por resultados en varios contratos a la vez.",
                       "El fondo paga a los operadores cuando se verifican los resultados de empleo de cada participante."]),
        DIB: dict(np=["un bono de impacto en el desarrollo"], plural=["los bonos de impacto en el desarrollo"],
                  desc=["Un inversor de impacto financia la operación por adelantado y {donor} paga en función de los resultados verificados.",
                        "Los pagos dependen de metas de productividad y calidad medidas por un verificador independiente.",
                        "El mecanismo se presenta como uno de los primeros bonos de impacto en el desarrollo aplicados a la agricultura."]),
        RBF: dict(np=["un esquema de financiamiento basado en resultados", "un programa de pago por desempeño", "un mecanismo de pagos por resultados"],
                  plural=["el financiamiento basado en resultados", "los pagos por resultados"],
                  desc=[("Las provincias reciben transferencias según el número de beneficiarios inscritos y el cumplimiento de metas sanitarias.", {"AR"}),
                        ("Los pagos se vinculan a indicadores de cobertura y calidad verificados por una firma independiente.", {HEALTH}),
                        ("Los pagos se calculan a partir de las reducciones de emisiones verificadas frente a un nivel de referencia.", {AGRI}),
                        "El mecanismo es financiado por {donor} y los desembolsos dependen del cumplimiento de metas verificadas externamente."]),
        PBC: dict(np=["un contrato por desempeño", "un esquema de contratación por resultados"], plural=["los contratos por desempeño"],
                  desc=["Las entidades de capacitación reciben una parte del pago solo si los egresados consiguen empleo.",
                        "Los contratos fijan metas de colocación y penalizaciones cuando no se cumplen."]),
    },
    payers=[("el Departamento para la Prosperidad Social", {"CO"}), ("el gobierno nacional", {"CO", "PE", "CL", "AR"}),
            ("la administración autonómica", {"ES"}), ("el ayuntamiento", {"ES"}), ("el gobierno provincial", {"AR"}),
            ("el Ministerio de Desarrollo Social", {"CL"}), ("el gobierno del estado", {"MX"}),
            ("el Ministerio de Salud", {"NI", "HN", "GT", "EC"})],
    investors=["una fundación empresarial", "un banco", "un fondo de inversión de impacto", "varias fundaciones", "una entidad financiera"],
    donors=["el Banco Interamericano de Desarrollo", "una fundación privada", "un donante bilateral", "el Banco Mundial", "un consorcio de donantes"],
    providers=["una organización no gubernamental", "una fundación"],
    capital=[("[1|2|3] millones de euros", {"ES"}), ("[1|2|3] millones de dólares", None)],
    durations=["dos", "tres", "cuatro", "cinco"],
    mains=["{doc} analiza {np} que financia {prog} {in_place}.",
           "{doc} examina el uso de {np} para financiar {prog} {in_place}.",
           "{doc} evalúa {prog} {in_place}, financiado mediante {np}.",
           "{doc} estudia qué cambia {np} para {group} {in_place}.",
           "¿Qué cambia cuando se paga por resultados? {doc} aborda esta pregunta a partir de {np} que financia {prog} {in_place}.",
           "[A partir de|Con base en] [entrevistas|documentos] y datos de seguimiento, {doc_l} [analiza|examina] {np} [aplicado|puesto en marcha] {in_place}.",
           "{doc} [reconstruye|describe] el diseño y la implementación de {np} que financia {prog} {in_place}."],
    methods={"B": ["El estudio se basa en {n} entrevistas semiestructuradas con funcionarios públicos, inversores y operadores."],
             "R": ["El análisis utiliza datos administrativos de los establecimientos y un diseño de diferencias en diferencias."],
             "C": ["Se realizaron {n} entrevistas con funcionarios y responsables de los operadores."],
             "*": ["Se combinan el análisis documental de los contratos y los datos de seguimiento del programa.",
                   "[La metodología|El enfoque] combina [revisión documental|análisis de documentos], entrevistas y [datos administrativos|registros del programa].",
                   "La evaluación compara a los participantes con un grupo de comparación construido mediante emparejamiento."]},
    themes={
        T_DELIVERY: [("N", "Los operadores ganaron flexibilidad para adaptar la intervención a las necesidades de cada participante."),
                     ("R", "Los establecimientos ampliaron sus horarios y reforzaron el trabajo comunitario.")],
        T_UTIL: [("N", "La captación de participantes fue más lenta de lo previsto durante el primer año."),
                 ("R", "La utilización de los servicios incentivados aumentó de forma notable.")],
        T_UNINTENDED: [("N", "Se observan indicios de selección de los participantes con mayores probabilidades de éxito."),
                       ("R", "Algunos servicios no incentivados recibieron menos atención.")],
        T_ACCEPT: [("B", "La participación de inversores privados en la política social generó debate público y cierta resistencia en la administración."),
                   ("A", "El apoyo político dependió de unos pocos funcionarios comprometidos con el modelo.")],
        T_COSTS: [("N", "Los costos de transacción, en especial los legales y de evaluación, fueron altos en relación con el tamaño de la operación."),
                  ("R", "El costo de la verificación representó una parte considerable del presupuesto."),
                  ("A", "El costo por resultado alcanzado fue comparable al de los programas tradicionales.")],
        T_DESIGN: [("A", "La definición de las métricas y de los precios por resultado tomó más de un año de negociación."),
                   ("A", "El diseño del contrato obligó a construir una línea de base con datos administrativos incompletos.")],
        T_INVESTOR: [("B", "Los inversores, en su mayoría fundaciones y entidades con fines sociales, aceptaron rendimientos modestos y participaron en el comité directivo."),
                     ("B", "Los inversores recuperaron su capital con un rendimiento tras verificarse los resultados.")],
        T_REL: [("A", "La relación entre el gobierno, el intermediario y los operadores se basó más en la confianza que en las cláusulas contractuales."),
                ("N", "Surgieron tensiones sobre la interpretación de las metas y el ritmo de los pagos.")],
        T_MIS: [("N", "El seguimiento de resultados exigió un nuevo sistema de información y acuerdos para compartir datos con el sector público."),
                ("R", "La calidad de los registros administrativos mejoró gracias a las auditorías externas.")],
        T_CULTURE: [("N", "Los operadores fortalecieron su capacidad de gestión y adoptaron una cultura de seguimiento de resultados."),
                    ("R", "La motivación del personal aumentó al principio, pero se debilitó con los retrasos en los pagos.")],
        T_EQUITY: [("A", "Los beneficios se concentraron en los grupos más fáciles de atender, lo que plantea dudas sobre la equidad."),
                   ("N", "El contrato pagaba más por los resultados de las personas con mayores barreras.")],
        T_SCALE: [("N", "El modelo se replicó en otras ciudades con ajustes en las métricas y los precios."),
                  ("R", "Tras la fase piloto, el esquema se amplió a todo el país.")],
        T_SYSTEM: [("A", "La experiencia fortaleció la capacidad del gobierno para contratar por resultados."),
                   ("R", "El esquema mejoró la supervisión y la gestión financiera del sistema.")],
        T_LEGACY: [("N", "Al terminar el contrato, el gobierno incorporó algunos elementos del modelo en sus programas regulares."),
                   ("R", "Cuando terminó el financiamiento externo, el gobierno mantuvo el esquema con recursos propios, aunque a menor escala.")],
        T_SATIS: [("N", "Los participantes valoraron el acompañamiento personalizado."),
                  ("R", "El personal de salud valoró los incentivos, pero criticó la carga de reportes.")],
        T_AUX: [("A", "Otras reformas y recursos adicionales aplicados en paralelo dificultan atribuir los resultados al mecanismo.")],
    },
    concl=["Los autores concluyen que el mecanismo no es una panacea y que su valor depende del contexto.",
           "Se formulan recomendaciones para los gobiernos que consideran contratar por resultados.",
           "El trabajo señala la necesidad de evaluaciones más rigurosas.",
           "[En suma|En conjunto], los hallazgos [invitan a|sugieren] la cautela antes de extender este tipo de contratos."],
    bg={SIB: ["Los bonos de impacto social permiten financiar programas sociales con capital privado, que el sector público reembolsa solo si se logran resultados."],
        RBF: ["El financiamiento basado en resultados vincula los desembolsos a resultados verificados y no a insumos."],
        PBC: ["Desde la década de 1990, varios programas de capacitación laboral pagan a los operadores en parte según la inserción de sus egresados."],
        OF: ["Los fondos de pago por resultados agrupan recursos de varios pagadores para financiar resultados en distintos contratos."]},
    titles=["{Plural} y {topic} {in_place}", "{theme_t}: {np} {in_place}", "¿Pagar por resultados? {Plural} y {topic} {in_place}",
            "{Topic} y el pago por resultados {in_place}", "Lo que cambia {np}: {topic} {in_place}"],
    theme_titles={T_DELIVERY: ["Cambios en la prestación"], T_UTIL: ["Uso de los servicios"], T_OUTCOMES: ["Resultados"],
                  T_UNINTENDED: ["Efectos no deseados"], T_ACCEPT: ["Legitimidad y debate"], T_COSTS: ["Costos de transacción"],
                  T_DESIGN: ["Diseñar las métricas"], T_INVESTOR: ["El papel de los inversores"], T_REL: ["Confianza y colaboración"],
                  T_MIS: ["Datos y seguimiento"], T_CULTURE: ["Cultura de resultados"], T_EQUITY: ["Equidad y focalización"],
                  T_SCALE: ["Escalar el modelo"], T_SYSTEM: ["Efectos en el sistema"], T_LEGACY: ["Después del contrato"],
                  T_SATIS: ["Satisfacción"], T_AUX: ["Reformas paralelas"]},
)
LANGS["pt"] = dict(
    types={"journal article": 35, "evaluation report": 15, "working paper": 12, "thesis": 10, "policy report": 10,
           "case study": 8, "briefing note": 4, "book chapter": 4, "conference paper": 2},
    docs={"journal article": ["Este artigo", "Este estudo"], "evaluation report": ["Este relatório de avaliação", "Este relatório"],
          "policy report": ["Este relatório", "Esta nota técnica"], "working paper": ["Este documento de trabalho"],
          "thesis": ["Esta dissertação", "Esta tese"], "case study": ["Este estudo de caso"], "briefing note": ["Esta nota"],
          "book chapter": ["Este capítulo"], "conference paper": ["Esta comunicação"]},
    places={
        "PT": [("em Lisboa", "Lisboa"), ("no Porto", "Porto"), ("em Portugal", "Portugal"), ("no Algarve", "Algarve"),
               ("em Braga", "Braga"), ("em Coimbra", "Coimbra"), ("em Setúbal", "Setúbal"), ("no Fundão", "Fundão")],
        "BR": [("em São Paulo", "São Paulo"), ("no Ceará", "Ceará"), ("em Fortaleza", "Fortaleza"), ("no Brasil", "Brasil"),
               ("em Minas Gerais", "Minas Gerais"), ("em Pernambuco", "Pernambuco"), ("no Rio de Janeiro", "Rio de Janeiro"),
               ("na Bahia", "Bahia"), ("no Paraná", "Paraná")],
        "MZ": [("em Moçambique", "Moçambique"), ("em Maputo", "Maputo"), ("em Nampula", "Nampula"), ("na província de Sofala", "Sofala"),
               ("na Zambézia", "Zambézia")],
        "AO": [("em Angola", "Angola"), ("em Luanda", "Luanda")],
    },
    mixes=[(2.5, SIB, EMPLOY, {"PT": 1}, 2016), (1.5, SIB, CHILD, {"PT": 1}, 2016), (1.5, SIB, EDUC, {"PT": 1, "BR": 1.2}, 2016),
           (1.2, SIB, HEALTH, {"PT": 1, "BR": 0.8}, 2017), (1.5, OF, EMPLOY, {"PT": 1}, 2016),
           (3, RBF, HEALTH, {"BR": 2, "MZ": 2, "AO": 0.5}, 2008), (1, PBC, HEALTH, {"BR": 1}, 2000)],
    subs=[
        dict(area=EMPLOY, appr={SIB, OF},
             progs=["um projeto de inserção profissional de desempregados de longa duração"],
             groups=["os desempregados de longa duração", "os desempregados com mais de 45 anos"],
             topics=["a inserção profissional", "o desemprego de longa duração"],
             provs=["uma associação", "uma cooperativa social"],
             acts=["Cada participante é acompanhado por um técnico de emprego durante um ano, incluindo após a colocação."],
             results=["Cerca de um terço dos participantes conseguiu um contrato de trabalho de pelo menos seis meses.",
                      "A avaliação não encontra efeitos significativos na empregabilidade ao fim de um ano."]),
        dict(area=EMPLOY, appr={SIB, OF},
             progs=["um programa de empregabilidade para jovens que não estudam nem trabalham",
                    "um programa de competências digitais para jovens desempregados"],
             groups=["os jovens que não estudam nem trabalham", "os jovens com baixas qualificações"],
             topics=["a empregabilidade", "o emprego jovem"],
             provs=["uma associação", "uma instituição particular de solidariedade social", "uma cooperativa social"],
             acts=["Cada participante tem um mentor que o acompanha durante a formação e nos primeiros meses de trabalho.",
                   "A formação é desenhada em parceria com empresas que se comprometem a receber estagiários."],
             results=["Mais de metade dos participantes conseguiu um contrato de trabalho, mas a manutenção do emprego ficou aquém da meta.",
                      "As metas de empregabilidade foram atingidas, o que permitiu o reembolso dos investidores.",
                      "A avaliação não encontra efeitos significativos na empregabilidade ao fim de um ano."]),
        dict(area=CHILD, appr={SIB},
             progs=["um programa de prevenção do acolhimento residencial de crianças", "um projeto de apoio intensivo a famílias em risco"],
             groups=["as crianças em risco", "as famílias vulneráveis"], topics=["a proteção de crianças e jovens", "o apoio às famílias"],
             provs=["uma instituição particular de solidariedade social", "uma associação"],
             acts=["Técnicos trabalham com as famílias em casa, várias vezes por semana."],
             results=["O número de acolhimentos evitados superou o previsto.",
                      "Os efeitos sobre a permanência das crianças na família são difíceis de isolar."]),
        dict(area=EDUC, appr={SIB}, codes={"PT"},
             progs=["um programa de combate ao insucesso escolar", "um programa de reforço da aprendizagem da matemática"],
             groups=["os alunos do ensino básico", "os alunos em risco de retenção"], topics=["o insucesso escolar", "a aprendizagem"],
             provs=["uma associação", "uma fundação"],
             acts=["Os alunos recebem apoio em pequenos grupos e tutoria individual."],
             results=["As taxas de retenção diminuíram entre os alunos abrangidos.",
                      "Os resultados em matemática melhoraram, mas de forma desigual entre escolas."]),
        dict(area=EDUC, appr={SIB}, codes={"BR"},
             progs=["um programa para reduzir o abandono no ensino médio", "um programa de melhoria da aprendizagem nas escolas estaduais"],
             groups=["os estudantes do ensino médio", "os alunos em risco de abandono escolar"], topics=["o abandono escolar", "a aprendizagem"],
             provs=["uma organização da sociedade civil", "um instituto educacional"],
             acts=["As escolas participantes recebem apoio pedagógico e acompanhamento dos alunos com maior risco de abandono."],
             results=["A taxa de conclusão aumentou ligeiramente face ao grupo de comparação.",
                      "A frequência escolar melhorou, mas os efeitos sobre a aprendizagem foram pequenos."]),
        dict(area=HEALTH, appr={SIB},
             progs=["um programa de apoio a pessoas idosas no domicílio"],
             groups=["as pessoas idosas que vivem sozinhas"], topics=["o envelhecimento", "os cuidados no domicílio"],
             provs=["uma instituição particular de solidariedade social"],
             acts=["Técnicos visitam os idosos em casa e articulam o apoio social e de saúde."],
             results=["O número de internamentos evitáveis diminuiu entre os participantes."]),
        dict(area=HEALTH, appr={SIB},
             progs=["um programa de prevenção da diabetes"],
             groups=["os adultos em risco de diabetes"], topics=["a prevenção em saúde", "as doenças crónicas"],
             provs=["uma associação", "uma organização de saúde sem fins lucrativos"],
             acts=["Enfermeiros e técnicos acompanham os participantes em casa e em sessões de grupo."],
             results=["O número de internamentos evitáveis diminuiu entre os participantes.",
                      "Os indicadores de saúde evoluíram favoravelmente, mas abaixo do previsto."]),
        dict(area=HEALTH, appr={RBF}, codes={"BR"},
             progs=["um programa de melhoria do acesso e da qualidade da atenção básica"],
             groups=["os usuários da atenção básica", "as equipes de saúde da família"], topics=["a atenção básica", "a qualidade dos serviços de saúde"],
             provs=["as equipes de saúde da família"],
             acts=["As equipes são avaliadas por meio de visitas externas e de indicadores de desempenho."],
             results=["Os indicadores de cobertura e qualidade melhoraram nos municípios com melhor desempenho.",
                      "Não se observam efeitos claros sobre as internações evitáveis."]),
        dict(area=HEALTH, appr={RBF}, codes={"MZ", "AO"},
             progs=["um programa de saúde materna e infantil", "um pacote de cuidados de saúde primários"],
             groups=["as mulheres grávidas", "as crianças menores de cinco anos"], topics=["a saúde materna", "os cuidados de saúde primários"],
             provs=["as unidades sanitárias"],
             acts=["As unidades sanitárias recebem pagamentos adicionais por cada serviço verificado."],
             results=["A proporção de partos institucionais aumentou mais nos distritos abrangidos do que nos distritos de comparação.",
                      "A cobertura vacinal aumentou, mas os serviços não remunerados estagnaram."]),
        dict(area=HEALTH, appr={PBC},
             progs=["um modelo de gestão de hospitais públicos por organizações sociais de saúde"],
             groups=["os usuários do sistema público de saúde"], topics=["a gestão hospitalar", "a saúde pública"],
             provs=["organizações sociais de saúde"],
             acts=["As organizações recebem repasses fixos e uma parte variável ligada ao cumprimento de metas."],
             results=["A produção hospitalar aumentou sem perda aparente de qualidade.",
                      "Os ganhos de eficiência variaram muito entre hospitais."]),
    ],
    appr={
        SIB: dict(np=[("um título de impacto social", {"PT"}), ("um contrato de impacto social", {"BR"})],
                  plural=[("os títulos de impacto social", {"PT"}), ("os contratos de impacto social", {"BR"})],
                  desc=[("Investidores sociais, entre os quais {investor}, financiam a intervenção à partida e {payer} reembolsa-os apenas se os resultados contratados forem alcançados.", {"PT"}),
                        ("Investidores privados, entre eles {investor}, financiam a intervenção antecipadamente, e {payer} os reembolsa somente se as metas forem atingidas.", {"BR"}),
                        "O contrato, com duração de {duration} anos, define indicadores de resultado verificados por uma entidade independente.",
                        "A parceria envolve uma entidade pública pagadora, investidores sociais e uma organização responsável pela intervenção."]),
        OF: dict(np=["um fundo de resultados"], plural=["os fundos de resultados"],
                 desc=["O fundo, financiado com verbas europeias, paga os resultados alcançados em vários projetos em simultâneo.",
                       "A entidade pública partilha o pagamento dos resultados com o fundo, o que reduz o seu esforço financeiro."]),
        RBF: dict(np=["um esquema de financiamento baseado em resultados", "um programa de pagamento por desempenho"],
                  plural=["o financiamento baseado em resultados", "o pagamento por desempenho"],
                  desc=[("As equipes de saúde recebem incentivos financeiros em função do desempenho em indicadores de acesso e qualidade.", {"BR"}),
                        ("Os municípios recebem recursos adicionais conforme a avaliação externa das equipes de atenção básica.", {"BR"}),
                        ("Os pagamentos são ajustados por um índice de qualidade e verificados por inquéritos comunitários.", {"MZ", "AO"}),
                        ("O mecanismo é financiado por {donor} e os pagamentos dependem de resultados verificados externamente.", {"MZ", "AO"})]),
        PBC: dict(np=["um contrato de gestão", "um contrato de gestão com metas de desempenho"], plural=["os contratos de gestão"],
                  desc=["O contrato de gestão fixa metas de produção e qualidade, e parte do repasse depende do seu cumprimento.",
                        "As organizações sociais de saúde são avaliadas periodicamente pela secretaria estadual de saúde."]),
    },
    payers=[("o Estado", {"PT"}), ("a câmara municipal", {"PT"}), ("o Instituto do Emprego e Formação Profissional", {"PT"}),
            ("a secretaria estadual", {"BR"}), ("o governo do estado", {"BR"}), ("o Ministério da Saúde", {"MZ", "AO"})],
    investors=["uma fundação", "um banco", "uma fundação empresarial", "vários investidores sociais", "um fundo de investimento de impacto"],
    donors=["o Banco Mundial", "um doador bilateral", "uma fundação privada"],
    providers=["uma organização sem fins lucrativos"],
    capital=[("[1|1,5|2] milhões de euros", {"PT"}), ("[5|10|15] milhões de reais", {"BR"}), ("[2|4] milhões de dólares", None)],
    durations=["três", "quatro", "cinco"],
    mains=["{doc} analisa {np} que financia {prog} {in_place}.",
           "{doc} examina o recurso a {np} para financiar {prog} {in_place}.",
           "{doc} avalia {prog} {in_place}, financiado através de {np}.",
           "{doc} discute o que muda com {np} para {group} {in_place}.",
           "[Com base em|A partir de] [entrevistas|documentos] e dados de acompanhamento, {doc_l} [analisa|examina] {np} {in_place}.",
           "{doc} [descreve|reconstitui] o desenho e a implementação de {np} que financia {prog} {in_place}."],
    methods={"B": ["O estudo baseia-se em {n} entrevistas com responsáveis públicos, investidores e técnicos das organizações envolvidas."],
             "R": ["A análise utiliza dados administrativos e um desenho de diferenças em diferenças."],
             "C": ["Foram realizadas {n} entrevistas com gestores e profissionais."],
             "*": ["A análise documental dos contratos é combinada com dados de acompanhamento do programa.",
                   "A avaliação compara os participantes com um grupo de comparação."]},
    themes={
        T_DELIVERY: [("N", "As organizações ganharam flexibilidade para adaptar a intervenção às necessidades de cada participante."),
                     ("R", "As unidades de saúde ampliaram horários e reforçaram o trabalho junto da comunidade.")],
        T_UTIL: [("N", "O recrutamento de participantes foi mais lento do que o previsto no primeiro ano."),
                 ("R", "A utilização dos serviços incentivados aumentou de forma clara.")],
        T_UNINTENDED: [("N", "Há indícios de seleção dos participantes com maior probabilidade de sucesso."),
                       ("R", "Alguns serviços não incentivados receberam menos atenção.")],
        T_ACCEPT: [("B", "A participação de investidores privados no financiamento de políticas sociais suscitou debate público e alguma resistência na administração.")],
        T_COSTS: [("N", "Os custos de transação, sobretudo jurídicos e de avaliação, foram elevados face à dimensão do contrato."),
                  ("R", "A verificação dos resultados absorveu uma parte considerável do orçamento.")],
        T_DESIGN: [("A", "A definição das métricas de resultado e dos preços por resultado exigiu mais de um ano de negociação.")],
        T_INVESTOR: [("B", "Os investidores, sobretudo fundações e bancos, aceitaram uma remuneração modesta e participaram ativamente na gestão do projeto.")],
        T_REL: [("A", "A relação entre a entidade pagadora, os investidores e a organização executora baseou-se mais na confiança do que nas cláusulas contratuais.")],
        T_MIS: [("N", "A medição dos resultados exigiu um novo sistema de informação e acordos para troca de dados com a administração pública.")],
        T_CULTURE: [("N", "As organizações executoras reforçaram a sua capacidade de gestão e adotaram uma cultura de resultados."),
                    ("R", "A motivação dos profissionais aumentou no início, mas diminuiu com os atrasos nos pagamentos.")],
        T_EQUITY: [("A", "Os benefícios concentraram-se nos grupos mais fáceis de apoiar, o que levanta questões de equidade.")],
        T_SCALE: [("N", "O modelo foi replicado em outros municípios com ajustes nas métricas.")],
        T_SYSTEM: [("A", "A experiência reforçou a capacidade da administração pública para contratar por resultados.")],
        T_LEGACY: [("A", "Após o fim do contrato, alguns elementos do modelo foram integrados nas políticas públicas.")],
        T_SATIS: [("N", "Os participantes valorizaram o acompanhamento personalizado."),
                  ("R", "Os profissionais de saúde valorizaram os incentivos, mas criticaram a carga administrativa.")],
        T_AUX: [("A", "Outras reformas e recursos adicionais em curso dificultam a atribuição dos resultados ao mecanismo.")],
    },
    concl=["Os autores concluem que o mecanismo não é uma panaceia e que o seu valor depende do contexto.",
           "São apresentadas recomendações para decisores públicos.",
           "O trabalho sublinha a necessidade de avaliações mais rigorosas.",
           "[Em suma|No conjunto], os resultados aconselham prudência antes de alargar este tipo de contratos."],
    bg={SIB: [("Os títulos de impacto social foram introduzidos em Portugal em 2015, no âmbito da iniciativa Portugal Inovação Social.", {"PT"}),
              ("Os contratos de impacto social chegaram ao Brasil como uma forma de financiar políticas públicas com capital privado, pago apenas em caso de sucesso.", {"BR"})],
        RBF: ["O financiamento baseado em resultados liga os pagamentos a resultados verificados e não a insumos."],
        OF: ["Os fundos de resultados reúnem recursos de vários financiadores para pagar resultados em diferentes contratos."]},
    titles=["{Plural} e {topic} {in_place}", "{theme_t}: {np} {in_place}", "Pagar por resultados? {Plural} e {topic} {in_place}",
            "{Topic} e o pagamento por resultados {in_place}"],
    theme_titles={T_DELIVERY: ["Mudanças na intervenção"], T_UTIL: ["Utilização dos serviços"], T_OUTCOMES: ["Resultados"],
                  T_UNINTENDED: ["Efeitos não desejados"], T_ACCEPT: ["Legitimidade e debate"], T_COSTS: ["Custos de transação"],
                  T_DESIGN: ["Definir métricas"], T_INVESTOR: ["O papel dos investidores"], T_REL: ["Confiança e colaboração"],
                  T_MIS: ["Dados e monitorização"], T_CULTURE: ["Cultura de resultados"], T_EQUITY: ["Equidade"],
                  T_SCALE: ["Replicar o modelo"], T_SYSTEM: ["Efeitos no sistema"], T_LEGACY: ["Depois do contrato"],
                  T_SATIS: ["Satisfação"], T_AUX: ["Reformas paralelas"]},
)
LANGS["de"] = dict(
    types={"journal article": 35, "evaluation report": 15, "working paper": 12, "thesis": 12, "policy report": 10,
           "case study": 6, "briefing note": 4, "book chapter": 4, "conference paper": 2},
    docs={"journal article": ["Dieser Beitrag", "Diese Studie"], "evaluation report": ["Dieser Evaluationsbericht", "Dieser Bericht"],
          "policy report": ["Dieses Policy Paper", "Dieser Bericht"], "working paper": ["Dieses Arbeitspapier"],
          "thesis": ["Diese Dissertation", "Diese Masterarbeit"], "case study": ["Diese Fallstudie"], "briefing note": ["Dieses Kurzpapier"],
          "book chapter": ["Dieses Kapitel"], "conference paper": ["Dieser Konferenzbeitrag"]},
    places={
        "DE": [("in Augsburg", "Augsburg"), ("in Berlin", "Berlin"), ("in Bayern", "Bayern"), ("in Nordrhein-Westfalen", "Nordrhein-Westfalen"),
               ("in Hamburg", "Hamburg"), ("in Deutschland", "Deutschland"), ("in Osnabrück", "Osnabrück"), ("in Duisburg", "Duisburg"),
               ("in Leipzig", "Leipzig"), ("in Köln", "Köln")],
        "AT": [("in Oberösterreich", "Oberösterreich"), ("in Wien", "Wien"), ("in Österreich", "Österreich"), ("in Linz", "Linz"),
               ("in der Steiermark", "Steiermark")],
        "CH": [("im Kanton Bern", "Kanton Bern"), ("in Bern", "Bern"), ("in der Schweiz", "Schweiz"), ("in Zürich", "Zürich"),
               ("im Kanton Basel-Stadt", "Basel-Stadt")],
        "RW": [("in Ruanda", "Ruanda"), ("in Kigali", "Kigali")],
        "BI": [("in Burundi", "Burundi"), ("in Bujumbura", "Bujumbura")],
        "MW": [("in Malawi", "Malawi"), ("in Lilongwe", "Lilongwe")],
        "KH": [("in Kambodscha", "Kambodscha"), ("in Phnom Penh", "Phnom Penh")],
    },
    mixes=[(5, SIB, EMPLOY, {"DE": 3, "AT": 1, "CH": 2}, 2014), (2, SIB, CHILD, {"DE": 1, "AT": 0.5}, 2016),
           (1, SIB, EDUC, {"DE": 1}, 2017), (1.5, PBC, EMPLOY, {"DE": 1, "AT": 0.3, "CH": 0.3}, 2002),
           (2, RBF, HEALTH, {"RW": 1, "BI": 1, "MW": 1, "KH": 0.5}, 2009)],
    subs=[
        dict(area=EMPLOY, appr={SIB}, codes={"CH", "DE"},
             progs=["ein Projekt zur beruflichen Integration von Geflüchteten"],
             groups=["Geflüchtete mit Aufenthaltsstatus", "vorläufig aufgenommene Geflüchtete"],
             topics=["berufliche Integration", "Integration von Geflüchteten"], provs=["ein gemeinnütziger Träger"],
             acts=["Das Angebot verbindet Sprachkurse, Praktika in Betrieben und sozialpädagogische Begleitung."],
             results=["Gut die Hälfte der Teilnehmenden war nach zwei Jahren erwerbstätig.",
                      "Die vereinbarten Zielwerte wurden nur teilweise erreicht, sodass die Investoren einen Teil ihres Kapitals verloren."]),
        dict(area=EMPLOY, appr={SIB}, codes={"AT", "DE"},
             progs=["ein Programm für langzeitarbeitslose Frauen"], groups=["langzeitarbeitslose Frauen", "alleinerziehende Frauen"],
             topics=["Frauenbeschäftigung", "Arbeitsmarktintegration"], provs=["ein gemeinnütziger Träger"],
             acts=["Die Frauen erhalten Qualifizierung, Kinderbetreuung während der Kurse und Unterstützung bei der Stellensuche."],
             results=["Die Mehrheit der Teilnehmerinnen fand innerhalb eines Jahres eine Beschäftigung.",
                      "Ein signifikanter Effekt auf das Einkommen lässt sich nicht nachweisen."]),
        dict(area=EMPLOY, appr={SIB},
             progs=["ein Programm zur Arbeitsmarktintegration junger Menschen ohne Ausbildungsplatz"],
             groups=["junge Menschen ohne Schulabschluss", "Jugendliche im Übergang von der Schule in den Beruf"],
             topics=["Jugendarbeitslosigkeit", "Übergang von der Schule in den Beruf"],
             provs=["ein Bildungsträger", "ein gemeinnütziger Träger"],
             acts=["Alle Teilnehmenden werden von einem festen Coach begleitet, auch nach der Aufnahme einer Ausbildung.",
                   "Praktika in Betrieben werden mit sozialpädagogischer Begleitung verbunden."],
             results=["Mehr als die Hälfte der Teilnehmenden fand eine sozialversicherungspflichtige Beschäftigung oder einen Ausbildungsplatz.",
                      "Die vereinbarten Zielwerte wurden erreicht, sodass die Investoren ihr Kapital mit einer geringen Rendite zurückerhielten.",
                      "Ein signifikanter Effekt auf die Beschäftigung nach zwölf Monaten lässt sich nicht nachweisen."]),
        dict(area=CHILD, appr={SIB},
             progs=["ein Präventionsprogramm zur Vermeidung von Heimunterbringungen", "ein Programm zur intensiven Unterstützung belasteter Familien"],
             groups=["Familien in schwierigen Lebenslagen", "Kinder mit drohender Fremdunterbringung"],
             topics=["Kinder- und Jugendhilfe", "Familienhilfe"], provs=["ein freier Träger der Jugendhilfe"],
             acts=["Fachkräfte arbeiten mehrmals pro Woche direkt in den Familien."],
             results=["Die Zahl vermiedener Fremdunterbringungen lag über den Erwartungen.",
                      "Die Wirkungen auf den Verbleib der Kinder in ihren Familien lassen sich nur schwer isolieren."]),
        dict(area=EDUC, appr={SIB},
             progs=["ein Programm zur Vermeidung von Schulabbrüchen"], groups=["Schülerinnen und Schüler mit hohem Abbruchrisiko"],
             topics=["Schulabbruch", "Bildungserfolg"], provs=["ein gemeinnütziger Bildungsträger"],
             acts=["Mentorinnen und Mentoren begleiten die Jugendlichen bis zum Schulabschluss."],
             results=["Der Anteil der Jugendlichen mit Schulabschluss stieg gegenüber der Vergleichsgruppe.",
                      "Die Fehlzeiten gingen zurück, die Effekte auf die Noten blieben jedoch gering."]),
        dict(area=EMPLOY, appr={PBC},
             progs=["ein System erfolgsabhängig vergüteter privater Arbeitsvermittlung"], groups=["Arbeitslose", "Langzeitarbeitslose"],
             topics=["Arbeitsvermittlung", "aktive Arbeitsmarktpolitik"], provs=["private Vermittler"],
             acts=["Private Vermittler erhalten einen Gutschein, der erst bei Aufnahme einer Beschäftigung eingelöst wird."],
             results=["Die Vermittlungsquote der privaten Anbieter unterscheidet sich kaum von jener der öffentlichen Arbeitsvermittlung.",
                      "Die Beschäftigungsdauer nach der Vermittlung war häufig kurz."]),
        dict(area=HEALTH, appr={RBF},
             progs=["ein Programm zur Verbesserung der Mutter-Kind-Gesundheit", "ein Programm zur Stärkung der Basisgesundheitsversorgung"],
             groups=["Schwangere", "Kinder unter fünf Jahren", "ländliche Haushalte"],
             topics=["Mutter-Kind-Gesundheit", "Gesundheitsfinanzierung"], provs=["Gesundheitszentren"],
             acts=["Gesundheitszentren erhalten Zahlungen für jede überprüfte Leistung, etwa betreute Geburten oder Impfungen."],
             results=["Der Anteil betreuter Geburten stieg in den Programmdistrikten stärker als in den Vergleichsdistrikten.",
                      "Bei nicht vergüteten Leistungen zeigen sich keine Verbesserungen."]),
    ],
    appr={
        SIB: dict(np=["einen Social Impact Bond", "ein Social-Impact-Bond-Projekt", "ein wirkungsorientiertes Finanzierungsmodell (Social Impact Bond)"],
                  plural=["Social Impact Bonds"],
                  desc=["Private Investoren, darunter {investor}, finanzieren das Programm vor, und {payer} zahlt das Kapital nur bei Erreichen der vereinbarten Ziele zurück.",
                        "Die Laufzeit beträgt {duration} Jahre, die Zielerreichung wird von einem unabhängigen Evaluator geprüft.",
                        "Ein Intermediär koordiniert die Beteiligten und überwacht die Umsetzung."]),
        RBF: dict(np=["ein Programm ergebnisbasierter Finanzierung", "einen Mechanismus ergebnisbasierter Finanzierung (Results-Based Financing)"],
                  plural=["ergebnisbasierte Finanzierung"],
                  desc=["Die Zahlungen werden an überprüfte Leistungen geknüpft und mit einem Qualitätsindex gewichtet.",
                        "Finanziert wird der Mechanismus von {donor}, die Verifizierung übernimmt eine unabhängige Stelle."]),
        PBC: dict(np=["eine erfolgsabhängige Vergütung", "einen leistungsbezogenen Vertrag"], plural=["erfolgsabhängige Vergütung"],
                  desc=["Die Vergütung der Anbieter hängt überwiegend von der nachhaltigen Vermittlung in Beschäftigung ab.",
                        "Verträge mit Trägern enthalten Erfolgsprämien und Abschläge bei Zielverfehlung."]),
    },
    payers=[("das zuständige Landesministerium", {"DE"}), ("die Kommune", {"DE", "AT"}), ("das Land", {"AT"}), ("der Kanton", {"CH"}),
            ("das Gesundheitsministerium", {"RW", "BI", "MW", "KH"})],
    investors=["eine Stiftung", "eine Bank", "mehrere Stiftungen", "ein Sozialinvestor"],
    donors=["der Weltbank", "einem bilateralen Geber", "einem Geberkonsortium"],
    providers=["ein gemeinnütziger Träger"],
    capital=[("[1|1,5|2] Millionen Euro", None)],
    durations=["drei", "vier", "fünf"],
    mains=["{doc} untersucht, wie {prog} für {group} {in_place} über {np} finanziert wird.",
           "{doc} evaluiert {prog} {in_place}, das über {np} finanziert wird.",
           "{doc} fragt, was sich für {group} {in_place} ändert, wenn {prog} über {np} finanziert wird.",
           "{doc} analysiert {np} {in_place}; damit wird {prog} für {group} finanziert.",
           "[Auf Grundlage von|Gestützt auf] [Interviews|Dokumenten] und Monitoringdaten [rekonstruiert|beschreibt] {doc_l} Entstehung und Umsetzung {in_place}: {prog}, finanziert über {np}."],
    methods={"B": ["Grundlage sind {n} leitfadengestützte Interviews mit Vertreterinnen und Vertretern von Verwaltung, Investoren und Trägern."],
             "R": ["Die Analyse nutzt Routinedaten der Gesundheitseinrichtungen und einen Differenz-von-Differenzen-Ansatz."],
             "C": ["Ausgewertet werden Verwaltungsdaten und {n} Interviews mit Fachkräften."],
             "*": ["Die Untersuchung kombiniert eine Dokumentenanalyse mit Daten aus dem Programmmonitoring."]},
    themes={
        T_DELIVERY: [("N", "Die Träger gewannen Spielraum, die Unterstützung flexibel an den Bedarf der Teilnehmenden anzupassen."),
                     ("R", "Die Gesundheitszentren verlängerten ihre Öffnungszeiten und bauten aufsuchende Angebote aus.")],
        T_UTIL: [("N", "Die Zuweisung von Teilnehmenden blieb im ersten Jahr hinter den Erwartungen zurück."),
                 ("R", "Die Inanspruchnahme der vergüteten Leistungen nahm deutlich zu.")],
        T_UNINTENDED: [("N", "Es gibt Hinweise auf Creaming, also die bevorzugte Auswahl leichter vermittelbarer Personen."),
                       ("R", "Nicht vergütete Leistungen wurden teilweise vernachlässigt.")],
        T_ACCEPT: [("B", "Die Beteiligung privater Investoren an sozialstaatlichen Aufgaben wurde von Gewerkschaften und Wohlfahrtsverbänden kritisch gesehen."),
                   ("A", "Die politische Unterstützung hing stark von einzelnen Fürsprechern in der Verwaltung ab.")],
        T_COSTS: [("N", "Die Transaktionskosten für Vertragsgestaltung, Rechtsberatung und Evaluation waren im Verhältnis zum Projektvolumen hoch."),
                  ("R", "Die Kosten der Verifizierung beanspruchten einen erheblichen Teil des Budgets.")],
        T_DESIGN: [("A", "Die Festlegung der Wirkungsindikatoren und der Referenzwerte nahm mehr als ein Jahr in Anspruch.")],
        T_INVESTOR: [("B", "Die Investoren, überwiegend Stiftungen, akzeptierten eine geringe Rendite und wirkten aktiv im Lenkungsausschuss mit.")],
        T_REL: [("A", "Die Zusammenarbeit zwischen Verwaltung, Intermediär und Trägern beruhte stärker auf Vertrauen als auf vertraglichen Regelungen.")],
        T_MIS: [("N", "Die Messung der Ergebnisse erforderte ein neues Datensystem und Vereinbarungen zum Datenaustausch mit Behörden."),
                ("R", "Die Datenqualität verbesserte sich durch die unabhängige Gegenprüfung.")],
        T_CULTURE: [("N", "Die Träger bauten ihr Wirkungsmanagement aus, was ihre Organisationskultur veränderte."),
                    ("R", "Die Motivation des Personals stieg zunächst, ließ aber bei verspäteten Zahlungen nach.")],
        T_EQUITY: [("A", "Besonders benachteiligte Gruppen profitierten weniger, was Fragen der Verteilungsgerechtigkeit aufwirft.")],
        T_SCALE: [("N", "Eine Übertragung auf andere Regionen erscheint wegen der komplexen Vertragsstruktur schwierig."),
                  ("R", "Nach der Pilotphase wurde der Mechanismus landesweit ausgeweitet.")],
        T_SYSTEM: [("A", "Die Erfahrung stärkte die Fähigkeit der Verwaltung, Leistungen wirkungsorientiert zu steuern.")],
        T_LEGACY: [("A", "Nach Vertragsende wurden einzelne Elemente des Modells in die Regelfinanzierung übernommen.")],
        T_SATIS: [("N", "Die Teilnehmenden schätzten die kontinuierliche Begleitung."),
                  ("R", "Das Gesundheitspersonal begrüßte die Prämien, kritisierte aber den Dokumentationsaufwand.")],
    },
    concl=["Die Autorinnen und Autoren kommen zu dem Schluss, dass das Modell kein Allheilmittel ist und sein Nutzen vom Kontext abhängt.",
           "Abschließend werden Empfehlungen für Politik und Verwaltung formuliert.",
           "Der Beitrag plädiert für rigorosere Evaluationen solcher Modelle.",
           "[Insgesamt|Alles in allem] mahnen die Befunde zur Vorsicht bei einer Ausweitung solcher Verträge."],
    bg={SIB: ["Social Impact Bonds sollen präventive Sozialprogramme mit privatem Kapital finanzieren, das die öffentliche Hand nur bei nachgewiesenem Erfolg zurückzahlt."],
        RBF: ["Ergebnisbasierte Finanzierung hat sich in den Gesundheitssystemen vieler Länder mit niedrigem Einkommen verbreitet."],
        PBC: ["Seit den Arbeitsmarktreformen der 2000er-Jahre werden Vermittlungsleistungen zunehmend erfolgsabhängig vergütet."]},
    titles=["{Plural} und {topic} {in_place}", "{theme_t} – {Plural} {in_place}", "Bezahlung nach Wirkung? {Plural} {in_place}",
            "{Topic} und wirkungsorientierte Finanzierung {in_place}", "{theme_t}: {topic} {in_place}"],
    theme_titles={T_DELIVERY: ["Veränderte Praxis"], T_UTIL: ["Inanspruchnahme"], T_OUTCOMES: ["Wirkungen"],
                  T_UNINTENDED: ["Nicht intendierte Effekte"], T_ACCEPT: ["Legitimität und Kritik"], T_COSTS: ["Transaktionskosten"],
                  T_DESIGN: ["Wirkungsindikatoren festlegen"], T_INVESTOR: ["Die Rolle der Investoren"], T_REL: ["Vertrauen und Kooperation"],
                  T_MIS: ["Daten und Steuerung"], T_CULTURE: ["Wirkungsorientierte Organisationskultur"], T_EQUITY: ["Verteilungsgerechtigkeit"],
                  T_SCALE: ["Skalierung"], T_SYSTEM: ["Effekte auf das System"], T_LEGACY: ["Nach dem Vertrag"],
                  T_SATIS: ["Zufriedenheit"]},
)

LANGS["nl"] = dict(
    types={"journal article": 30, "evaluation report": 20, "working paper": 8, "thesis": 12, "policy report": 15,
           "case study": 8, "briefing note": 4, "book chapter": 3},
    docs={"journal article": ["Dit artikel", "Deze studie"], "evaluation report": ["Dit evaluatierapport", "Dit rapport"],
          "policy report": ["Dit rapport", "Deze beleidsnotitie"], "working paper": ["Dit werkdocument"],
          "thesis": ["Dit proefschrift", "Deze masterscriptie"], "case study": ["Deze casestudy"], "briefing note": ["Deze notitie"],
          "book chapter": ["Dit hoofdstuk"]},
    places={
        "NL": [("in Rotterdam", "Rotterdam"), ("in Amsterdam", "Amsterdam"), ("in Utrecht", "Utrecht"), ("in Den Haag", "Den Haag"),
               ("in Eindhoven", "Eindhoven"), ("in Nederland", "Nederland"), ("in Groningen", "Groningen"), ("in Zwolle", "Zwolle"),
               ("in Arnhem", "Arnhem")],
        "BE": [("in Antwerpen", "Antwerpen"), ("in Gent", "Gent"), ("in Vlaanderen", "Vlaanderen"), ("in Leuven", "Leuven"),
               ("in Brussel", "Brussel"), ("in België", "België")],
    },
    mixes=[(5, SIB, EMPLOY, {"NL": 3, "BE": 1.5}, 2013), (2, SIB, HEALTH, {"NL": 1}, 2016), (1.5, SIB, HOMELESS, {"NL": 1}, 2016),
           (1, SIB, CRIME, {"NL": 1}, 2016), (2, PBC, EMPLOY, {"NL": 1}, 2002), (1, SIB, CHILD, {"BE": 0.5, "NL": 0.5}, 2016)],
    subs=[
        dict(area=EMPLOY, appr={SIB},
             progs=["een re-integratieprogramma voor statushouders", "een werkprogramma voor nieuwkomers"],
             groups=["statushouders", "werkzoekenden met een migratieachtergrond"], topics=["inburgering en werk", "arbeidsparticipatie"],
             provs=["een sociale onderneming"],
             acts=["Het programma combineert taallessen, werkervaringsplaatsen en persoonlijke begeleiding.",
                   "Mentoren uit het bedrijfsleven begeleiden de deelnemers bij hun zoektocht naar werk."],
             results=["Na anderhalf jaar had ongeveer de helft van de deelnemers betaald werk.",
                      "Een significant effect op arbeidsparticipatie na twaalf maanden kon niet worden aangetoond."]),
        dict(area=EMPLOY, appr={SIB},
             progs=["een programma om jongeren zonder startkwalificatie aan werk te helpen", "een begeleidingstraject voor langdurig werklozen"],
             groups=["jongeren zonder startkwalificatie", "langdurig werklozen"],
             topics=["jeugdwerkloosheid", "re-integratie"], provs=["een sociale onderneming", "een re-integratiebedrijf"],
             acts=["Deelnemers krijgen een vaste coach die hen ook na de start van een baan blijft begeleiden."],
             results=["Meer dan de helft van de deelnemers vond betaald werk of startte een opleiding.",
                      "De afgesproken doelen werden gehaald, waarna de investeerders hun inleg met een bescheiden rendement terugkregen.",
                      "Een significant effect op arbeidsparticipatie na twaalf maanden kon niet worden aangetoond.",
                      "De uitstroom uit de bijstand lag hoger dan in de vergelijkingsgroep."]),
        dict(area=HEALTH, appr={SIB},
             progs=["een programma om eenzaamheid onder ouderen te verminderen"], groups=["alleenwonende ouderen"], topics=["ouderenzorg", "eenzaamheid"],
             provs=["een welzijnsorganisatie"],
             acts=["Vrijwilligers en professionals bezoeken ouderen thuis en organiseren activiteiten in de wijk."],
             results=["Het aantal ziekenhuisopnamen onder deelnemers daalde licht ten opzichte van de vergelijkingsgroep."]),
        dict(area=HEALTH, appr={SIB},
             progs=["een preventieprogramma voor mensen met een verhoogd risico op diabetes"],
             groups=["mensen met een verhoogd risico op diabetes"], topics=["preventie", "gezondheid"],
             provs=["een zorgorganisatie"],
             acts=["Leefstijlcoaches begeleiden deelnemers gedurende twee jaar bij voeding en beweging."],
             results=["Het aantal deelnemers dat diabetes ontwikkelde, bleef lager dan verwacht.",
                      "De zorgkosten van deelnemers daalden licht ten opzichte van de vergelijkingsgroep."]),
        dict(area=HOMELESS, appr={SIB},
             progs=["een Housing First-programma voor dak- en thuislozen", "een programma om huisuitzettingen te voorkomen"],
             groups=["dak- en thuislozen", "huishoudens met huurachterstanden"], topics=["dakloosheid", "huisvesting"],
             provs=["een maatschappelijke opvanginstelling"],
             acts=["Deelnemers krijgen direct een eigen woning met begeleiding aan huis."],
             results=["De meeste deelnemers woonden na een jaar nog steeds zelfstandig.",
                      "Het aantal huisuitzettingen daalde duidelijk in de deelnemende wijken."]),
        dict(area=CRIME, appr={SIB},
             progs=["een re-integratieprogramma voor ex-gedetineerden"], groups=["ex-gedetineerden", "jongvolwassenen met een strafblad"],
             topics=["recidive", "re-integratie na detentie"], provs=["een reclasseringsorganisatie", "een sociale onderneming"],
             acts=["Begeleiders starten al tijdens de detentie met het regelen van werk, huisvesting en schulden."],
             results=["De recidive onder deelnemers lag lager dan in de vergelijkingsgroep.",
                      "Het aantal deelnemers met betaald werk na vrijlating steeg."]),
        dict(area=CHILD, appr={SIB},
             progs=["een programma om uithuisplaatsingen van kinderen te voorkomen"],
             groups=["gezinnen met meervoudige problemen", "kinderen met een risico op uithuisplaatsing"],
             topics=["jeugdzorg", "gezinsondersteuning"], provs=["een jeugdzorgaanbieder"],
             acts=["Hulpverleners werken intensief bij de gezinnen thuis, meerdere keren per week."],
             results=["Er werden meer uithuisplaatsingen voorkomen dan vooraf was afgesproken.",
                      "Het effect op de veiligheid van kinderen is moeilijk vast te stellen."]),
        dict(area=EMPLOY, appr={PBC},
             progs=["een systeem van re-integratietrajecten op basis van no cure no pay"], groups=["uitkeringsgerechtigden", "langdurig werklozen"],
             topics=["re-integratie", "arbeidsbemiddeling"], provs=["re-integratiebedrijven"],
             acts=["Re-integratiebedrijven worden grotendeels pas betaald wanneer een cliënt duurzaam aan het werk is."],
             results=["De plaatsingspercentages verschilden sterk tussen re-integratiebedrijven.",
                      "Het effect op duurzame werkhervatting bleef beperkt."]),
    ],
    appr={
        SIB: dict(np=["een social impact bond", "een sociale impactobligatie"], plural=["social impact bonds"],
                  desc=["Private investeerders, onder wie {investor}, financieren het programma voor, en {payer} betaalt hen alleen terug als de afgesproken resultaten worden gehaald.",
                        "De looptijd is {duration} jaar; een onafhankelijke evaluator stelt vast of de doelen zijn bereikt.",
                        "Een intermediair brengt de partijen samen en bewaakt de voortgang."]),
        PBC: dict(np=["een resultaatgericht contract", "een no-cure-no-pay-contract"], plural=["resultaatfinanciering"],
                  desc=["De vergoeding van aanbieders hangt grotendeels af van duurzame plaatsing in werk.",
                        "Contracten bevatten bonussen bij het overtreffen van doelen en kortingen bij onderprestatie."]),
    },
    payers=[("de gemeente", {"NL", "BE"}), ("het UWV", {"NL"}), ("het Rijk", {"NL"}), ("de Vlaamse overheid", {"BE"}), ("de VDAB", {"BE"})],
    investors=["een bank", "een vermogensfonds", "meerdere sociale investeerders", "een stichting"],
    donors=["een fonds"], providers=["een maatschappelijke organisatie"],
    capital=[("[1|1,5|2|3] miljoen euro", None)], durations=["drie", "vier", "vijf"],
    mains=["{doc} onderzoekt {np} waarmee {prog} {in_place} wordt gefinancierd.",
           "{doc} analyseert de inzet van {np} voor de financiering van {prog} {in_place}.",
           "{doc} evalueert {prog} {in_place} dat met {np} wordt gefinancierd.",
           "{doc} gaat na wat {np} verandert voor {group} {in_place}.",
           "[Op basis van|Aan de hand van] [interviews|documenten] en monitoringgegevens [beschrijft|reconstrueert] {doc_l} de opzet en uitvoering van {np} {in_place}."],
    methods={"B": ["Het onderzoek is gebaseerd op {n} semigestructureerde interviews met ambtenaren, investeerders en uitvoerders."],
             "C": ["Er zijn {n} interviews gehouden met beleidsmakers en uitvoerders."], "R": [],
             "*": ["De analyse combineert documentanalyse met monitoringgegevens van het programma.",
                   "De evaluatie vergelijkt deelnemers met een vergelijkingsgroep op basis van matching."]},
    themes={
        T_DELIVERY: [("N", "Uitvoerders kregen meer ruimte om de begeleiding af te stemmen op de behoeften van deelnemers.")],
        T_UTIL: [("N", "De instroom van deelnemers bleef in het eerste jaar achter bij de verwachtingen.")],
        T_UNINTENDED: [("N", "Er zijn aanwijzingen voor 'creaming': aanbieders selecteerden vooral kansrijke deelnemers.")],
        T_ACCEPT: [("B", "De rol van private investeerders bij publieke taken stuitte op kritiek van vakbonden en gemeenteraadsleden."),
                   ("A", "Politieke steun hing sterk af van enkele pleitbezorgers binnen de overheid.")],
        T_COSTS: [("N", "De transactiekosten voor contractontwikkeling, juridisch advies en evaluatie waren hoog in verhouding tot de omvang van het project."),
                  ("A", "De verwachte besparingen voor de overheid vielen lager uit dan voorzien.")],
        T_DESIGN: [("A", "Het vaststellen van de resultaatindicatoren en de nulmeting kostte meer dan een jaar.")],
        T_INVESTOR: [("B", "De investeerders, vooral banken en vermogensfondsen, accepteerden een bescheiden rendement en namen actief deel aan de stuurgroep.")],
        T_REL: [("A", "De samenwerking tussen overheid, intermediair en uitvoerders berustte meer op vertrouwen dan op contractuele afspraken.")],
        T_MIS: [("N", "Het meten van resultaten vergde een nieuw registratiesysteem en afspraken over gegevensuitwisseling met de overheid.")],
        T_CULTURE: [("N", "Uitvoerders ontwikkelden een sterkere resultaatgerichte cultuur.")],
        T_EQUITY: [("A", "Deelnemers met de grootste afstand tot de arbeidsmarkt of tot voorzieningen profiteerden het minst.")],
        T_SCALE: [("N", "Opschaling naar andere gemeenten bleek lastig vanwege de complexe contractvorm.")],
        T_SYSTEM: [("A", "De ervaring versterkte het vermogen van de overheid om op resultaat te sturen.")],
        T_LEGACY: [("A", "Na afloop van het contract werden onderdelen van de aanpak in de reguliere financiering opgenomen.")],
        T_SATIS: [("N", "Deelnemers waardeerden de persoonlijke en langdurige begeleiding.")],
    },
    concl=["De auteurs concluderen dat het model geen wondermiddel is en dat de waarde ervan afhangt van de context.",
           "Tot slot worden aanbevelingen voor beleidsmakers gedaan.",
           "De studie pleit voor rigoureuzere evaluaties van dergelijke constructies.",
           "[Al met al|Samenvattend] manen de bevindingen tot voorzichtigheid bij het uitbreiden van dergelijke contracten."],
    bg={SIB: ["Social impact bonds financieren preventieve sociale programma's met privaat kapitaal dat de overheid alleen bij succes terugbetaalt."],
        PBC: ["Sinds het begin van de jaren 2000 worden re-integratiediensten steeds vaker op basis van resultaat ingekocht."]},
    titles=["{Plural} en {topic} {in_place}", "{theme_t}: {np} {in_place}", "Betalen voor resultaat? {Plural} {in_place}",
            "{Topic} en resultaatfinanciering {in_place}"],
    theme_titles={T_DELIVERY: ["Veranderende praktijk"], T_UTIL: ["Instroom en bereik"], T_OUTCOMES: ["Resultaten"],
                  T_UNINTENDED: ["Onbedoelde effecten"], T_ACCEPT: ["Legitimiteit en kritiek"], T_COSTS: ["Transactiekosten"],
                  T_DESIGN: ["Resultaatindicatoren vaststellen"], T_INVESTOR: ["De rol van investeerders"], T_REL: ["Vertrouwen en samenwerking"],
                  T_MIS: ["Data en sturing"], T_CULTURE: ["Resultaatgerichte cultuur"], T_EQUITY: ["Wie profiteert"],
                  T_SCALE: ["Opschaling"], T_SYSTEM: ["Effecten op het stelsel"], T_LEGACY: ["Na het contract"],
                  T_SATIS: ["Tevredenheid"]},
)

# ====================================================================== main

def shingle_set(rec):
    w = re.findall(r"\w+", (rec["title"] + " " + rec["abstract"]).lower())
    return {" ".join(w[i:i + 5]) for i in range(len(w) - 4)}


class Dedup:
    """Reject records too close to one already accepted (word 5-shingle Jaccard)."""

    def __init__(self, limit):
        self.limit, self.sets, self.index, self.titles = limit, [], {}, set()

    def ok(self, rec):
        if rec["title"].lower() in self.titles:
            return False
        s = shingle_set(rec)
        inter = {}
        for sh in s:
            for j in self.index.get(sh, ()):
                inter[j] = inter.get(j, 0) + 1
        return all(k / (len(s) + len(self.sets[j]) - k) < self.limit for j, k in inter.items())

    def add(self, rec):
        s = shingle_set(rec)
        for sh in s:
            self.index.setdefault(sh, []).append(len(self.sets))
        self.sets.append(s)
        self.titles.add(rec["title"].lower())


def plan(rng):
    """Language and scope for each composed record, in id order."""
    n_en = N_TOTAL - sum(N_OTHER.values())
    slots = [("en", "global")] * round(n_en * 0.09) + [("en", "multi")] * round(n_en * 0.075)
    slots += [("en", "single")] * (n_en - len(slots))
    for lang, k in N_OTHER.items():
        slots += [(lang, "single")] * k
    rng.shuffle(slots)
    return slots


def main():
    rng = random.Random(SEED)
    dedup = Dedup(MAX_OVERLAP)
    records = []
    for i, (lang, scope) in enumerate(plan(rng), 1):
        for attempt in range(200):
            r = random.Random("%d-%d-%d" % (SEED, i, attempt))
            rec = compose_en(r, scope) if lang == "en" else compose_other(lang, r)
            if rec and words(rec["abstract"]) >= 60 and dedup.ok(rec):
                break
        else:
            raise SystemExit("compose.py: could not compose record %d" % i)
        dedup.add(rec)
        records.append(dict(id="c-%04d" % i, **rec))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    tmp = OUT + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False, separators=(", ", ": ")) + "\n")
    os.replace(tmp, OUT)
    print("wrote %d records to %s" % (len(records), os.path.relpath(OUT)))


if __name__ == "__main__":
    main()
