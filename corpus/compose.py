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
            dict(inc="H", progs=["a permanent supportive housing programme for frequent users of jails and emergency rooms",
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
            dict(inc="H", progs=["a through-the-gate [mentoring|resettlement] service for short-sentence prisoners",
                                 "a resettlement service for men leaving prison"],
                 groups=["men released from short prison sentences", "prolific offenders", "adults leaving local prisons"],
                 metrics=["-reconviction within [twelve|eighteen] months of release", "-the frequency of reoffending",
                          "-reconviction events", "engagement with support after release"],
                 topics=["reoffending", "resettlement", "short prison sentences"],
                 acts=["Mentors met participants at the prison gate and helped with [accommodation|benefit claims|identity documents] in the first weeks after release.",
                       "Support was voluntary and open to everyone in the cohort, including people who would not normally qualify for statutory supervision.",
                       "Peer mentors with lived experience of prison were recruited and trained to support participants for up to a year."]),
            dict(inc="H", progs=["a prisoner re-entry programme combining transitional jobs with post-release support",
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
                 acts=["Therapists worked with whole families in their homes, with small caseloads and on-call support [around the clock|in the evenings and at weekends].",
                       "Referrals came from social workers who judged a child to be at [imminent|high] risk of entering care."]),
            dict(inc="H", progs=["a programme to recruit and support foster carers for teenagers in residential care",
                                 "a therapeutic foster care programme", "an adoption support service for hard-to-place children"],
                 groups=["children in residential care", "children waiting for adoption", "teenagers in children's homes"],
                 metrics=["moves from residential to foster placements", "stability of foster placements", "-time to adoption",
                          "successful adoptions"],
                 topics=["foster care", "adoption", "residential care"],
                 acts=["The service recruited and trained foster carers who could look after teenagers stepping down from residential homes.",
                       "Each child was matched with [an adoptive family|a carer] and support continued for [a year|two years] after the placement began."]),
            dict(inc="H", progs=["a home visiting programme for first-time [low-income|young] mothers",
                                 "an early intervention parenting programme for families with young children"],
                 groups=["first-time mothers on low incomes", "families with young children", "young parents"],
                 metrics=["healthy birth outcomes", "-preterm births", "-emergency department visits for childhood injuries",
                          "-child maltreatment reports"],
                 topics=["home visiting", "early intervention", "parenting support"],
                 acts=["Nurses visited mothers from pregnancy until the child's second birthday.",
                       "Parents attended group sessions and received home visits focused on play, routines and managing stress."]),
            dict(inc="H", progs=["a family reunification service for children in out-of-home care",
                                 "a kinship care support programme", "an intensive family support service"],
                 groups=["children in out-of-home care", "families whose children have been removed", "children in foster care"],
                 metrics=["family reunification within [twelve|eighteen] months", "-re-entry to care",
                          "-repeat maltreatment reports", "-days in care"],
                 topics=["out-of-home care", "child protection", "family reunification"],
                 acts=["Family workers agreed a plan with each family and coordinated help with [housing|debt|domestic abuse] and parenting.",
                       "Caseworkers visited families several times a week in the months before and after children returned home."]),
            dict(inc="L", progs=["a family-based care programme for children leaving residential institutions",
                                 "an early childhood development and parenting programme"],
                 groups=["children in residential institutions", "caregivers of young children", "children separated from their families"],
                 metrics=["children reintegrated into family care", "-family separation", "early child development scores"],
                 topics=["care reform", "early childhood development", "family-based care"],
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
            dict(inc="L", progs=["a cataract surgery programme", "a physical rehabilitation programme"],
                 groups=["patients with cataracts", "people with physical disabilities", "older adults with visual impairment"],
                 metrics=["successful cataract surgeries", "visual acuity after surgery", "mobility and functional independence",
                          "patients treated"],
                 topics=["eye health", "physical rehabilitation", "disability services"],
                 provs=["an eye hospital", "a humanitarian rehabilitation organisation", "a network of eye clinics"],
                 acts=["Outreach camps screened people in their communities and referred them for surgery.",
                       "Centres were staffed and equipped to fit prostheses and provide physiotherapy."]),
            dict(inc="L", progs=["a tuberculosis case-finding and treatment programme", "an HIV testing and treatment programme",
                                 "a malaria control programme"],
                 groups=["people with presumptive tuberculosis", "people living with HIV", "households in malaria-endemic districts"],
                 metrics=["tuberculosis case notification", "treatment completion", "viral suppression", "bed net use"],
                 rbf=["tuberculosis case notification", "treatment completion", "HIV testing", "bed net use"],
                 topics=["tuberculosis control", "HIV treatment", "infectious disease"],
                 provs=["a community health NGO", "a national TB programme", "a faith-based hospital network"],
                 acts=["Community health workers traced contacts and supported patients to complete treatment.",
                       "Testing was offered in communities and workplaces as well as in clinics."]),
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
        ("A", "Referral volumes fell short of projections, and enrolment was slower than planned in the first year."),
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
        ("A", "Officials valued {mech} chiefly as a way of protecting preventive spending from budget cuts."),
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
               "Studies were identified through database searches, reference lists and requests to practitioners, and their quality was appraised before synthesis."],
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
          "How does paying for outcomes change {topic}? {doc} addresses this question through {np} for {group} {in_place}.",
          "{doc} [examines|studies] {adjnp} that [funded|paid for] {prog}.",
          "{doc} [looks at|discusses] {np} {in_place}, launched in {launch}, that paid for {prog}."],
    "evaluation report": ["{doc} presents the [interim|final|second interim|process|impact] evaluation of {prog} {in_place}, funded through {np}.",
                          "{doc} sets out findings from the independent evaluation of {np} {in_place} that supported {prog}.",
                          "Commissioned by {payer}, {doc_l} evaluates {prog} {in_place}, delivered under {np}.",
                          "{doc} gives the [final|interim] findings of the evaluation of {adjnp} for {group}."],
    "case study": ["{doc} [describes|documents] {np} {in_place} that [funded|paid for] {prog}.",
                   "{doc} follows {np} {in_place} from early discussions to the end of delivery, focusing on {prog}.",
                   "{doc} tells the story of {adjnp} for {group}, launched in {launch}."],
    "thesis": ["{doc} [investigates|explores] {np} {in_place} as a lens on [the marketisation of public services|public management reform|aid effectiveness|the financialisation of social policy], using {prog} as its case.",
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
               "Drawing on cases from {places}, {doc_l} explores how {plural} have been used in {topic}.",
               "{doc} [examines|studies] {plural} for {group} in {places}."]
MAINS_GLOBAL = ["{doc} [reviews|synthesises] the evidence on {plural} in {topic_list}.",
                "{doc} [maps|surveys] {plural} {gscope} in {topic_list}.",
                "What do we know about {plural} in {topic_list}? {doc} brings together [published evaluations|published and grey literature] to answer this question.",
                "{doc} develops a typology of {plural}, illustrated by contracts in {topic_list}.",
                "{doc} compares {k_cases} {plural} in {topic_list} in different jurisdictions, asking what they have achieved."]

CONCLUSIONS = {
    "*": ["The [authors conclude|report concludes] with lessons for [commissioners|outcome payers|policy makers] considering {plural}.",
          "Implications for similar programmes are discussed.",
          "The findings suggest that {plural} are neither a panacea nor simply privatisation by another name, and that their value depends on context.",
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
          "Implications for funders and researchers are discussed."],
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


def pick_sub(area, income, rng, exclude=None):
    subs = [s for s in AREAS[area]["subs"] if s["inc"] in ("*", income) and s is not exclude]
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
    sub = pick_sub(area, income, rng)
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
           "surveyed": SURVEYED.get(mode, SURVEYED["C"]), "gscope": gscope(lmic, rng)}
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
    plural = list(spec["plural"])
    mech = list(spec["mech"])
    if eib:
        mname, plural, mech = "environmental impact bond", ["environmental impact bonds"], ["the bond", "the environmental impact bond"]
    if key == "US" and approach == SIB and not eib:
        plural = ["Pay for Success projects", "social impact bonds"]
    ctx.update(mname=mname, mech=mech, Mname=cap(mname))
    np_ = fund if approach == OF else art(mname)
    if spec.get("abbr") and mname in (SIB, DIB) and rng.random() < 0.35:
        np_ += " (%s)" % spec["abbr"]
    ctx["np"] = np_
    if scope == "global" and len(approaches) > 1:
        plural = [rng.choice(plural) + " and " + rng.choice(APPROACHES[approaches[1]]["plural"])]
    ctx["plural"] = rng.choice(plural)
    ctx["Plural"] = cap(ctx["plural"])
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
    ctx.update(doc=doc, doc_l=doc[0].lower() + doc[1:])

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
    elif scope == "multi":
        tmodes |= {"G"}
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
