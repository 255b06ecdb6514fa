/*
 * stopwords.c - stop-word lists per language, written for revtag: the
 * function words of each language that carry no topic. Each list is sorted
 * by byte value (strcmp) for binary search; keep it so when editing.
 */
#include <stdlib.h>
#include <string.h>

#include "revtag/stopwords.h"

static const char *const SW_EN[] = {
    "a", "about", "above", "after", "again", "against", "all", "almost", "also",
    "although", "always", "am", "among", "an", "and", "another", "any", "are", "around",
    "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "cannot", "could", "did", "do", "does", "doing", "down",
    "during", "each", "either", "else", "even", "ever", "every", "few", "for", "from",
    "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
    "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it",
    "its", "itself", "just", "may", "me", "might", "more", "most", "much", "must", "my",
    "myself", "neither", "no", "nor", "not", "now", "of", "off", "often", "on", "once",
    "only", "or", "other", "others", "otherwise", "our", "ours", "ourselves", "out",
    "over", "own", "per", "rather", "same", "shall", "she", "should", "since", "so",
    "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
    "then", "there", "these", "they", "this", "those", "though", "through", "thus",
    "to", "too", "under", "until", "up", "upon", "us", "very", "was", "we", "were",
    "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why",
    "will", "with", "within", "without", "would", "yet", "you", "your", "yours",
    "yourself", "yourselves",
};

static const char *const SW_FR[] = {
    "ainsi", "alors", "au", "aussi", "autre", "autres", "aux", "avant", "avec", "avoir",
    "ce", "ceci", "cela", "celle", "celles", "celui", "ces", "cet", "cette", "chez",
    "comme", "dans", "de", "des", "donc", "dont", "du", "elle", "elles", "en", "entre",
    "est", "et", "eux", "il", "ils", "je", "la", "le", "les", "leur", "leurs", "lors",
    "lui", "mais", "me", "mes", "moi", "mon", "même", "ne", "ni", "nos", "notre",
    "nous", "on", "ont", "ou", "où", "par", "pas", "peu", "plus", "pour", "qu", "que",
    "quel", "quelle", "qui", "sa", "sans", "se", "ses", "si", "son", "sont", "sous",
    "sur", "ta", "te", "tes", "toi", "ton", "tous", "tout", "toute", "toutes", "tu",
    "un", "une", "vers", "vos", "votre", "vous", "y", "à", "été", "être",
};

static const char *const SW_ES[] = {
    "a", "al", "algo", "algunas", "algunos", "ante", "antes", "así", "como", "con",
    "contra", "cual", "cuando", "de", "del", "desde", "donde", "durante", "e", "el",
    "ella", "ellas", "ellos", "en", "entre", "era", "es", "esa", "ese", "eso", "esta",
    "estas", "este", "esto", "estos", "fue", "fueron", "ha", "han", "hasta", "hay",
    "la", "las", "le", "les", "lo", "los", "me", "mi", "muy", "más", "ni", "no", "nos",
    "o", "otra", "otras", "otro", "otros", "para", "pero", "por", "porque", "que",
    "quien", "se", "sea", "ser", "si", "sin", "sobre", "son", "su", "sus", "también",
    "tan", "te", "tiene", "tu", "un", "una", "uno", "unos", "y", "ya",
};

static const char *const SW_PT[] = {
    "a", "ao", "aos", "as", "até", "com", "como", "da", "das", "de", "do", "dos", "e",
    "ela", "elas", "ele", "eles", "em", "entre", "era", "essa", "esse", "esta", "este",
    "eu", "foi", "foram", "há", "isso", "isto", "já", "mais", "mas", "me", "mesmo",
    "muito", "na", "nas", "nem", "no", "nos", "num", "numa", "nós", "o", "os", "ou",
    "para", "pela", "pelas", "pelo", "pelos", "por", "qual", "quando", "que", "quem",
    "se", "sem", "ser", "seu", "seus", "sua", "suas", "são", "também", "te", "tem",
    "um", "uma", "umas", "uns", "à", "às", "é",
};

static const char *const SW_DE[] = {
    "aber", "als", "am", "an", "auch", "auf", "aus", "bei", "bin", "bis", "bist", "da",
    "damit", "dann", "das", "dass", "dem", "den", "denen", "der", "des", "die", "dies",
    "diese", "diesem", "diesen", "dieser", "dieses", "doch", "dort", "du", "durch",
    "ein", "eine", "einem", "einen", "einer", "eines", "er", "es", "für", "hat",
    "hatte", "hier", "ich", "ihr", "ihre", "im", "in", "ist", "ja", "jede", "jedem",
    "jeden", "jeder", "jedes", "kann", "kein", "keine", "man", "mit", "muss", "nach",
    "nicht", "noch", "nur", "ob", "oder", "ohne", "sein", "seine", "sich", "sie",
    "sind", "so", "soll", "um", "und", "uns", "unter", "vom", "von", "vor", "war",
    "waren", "was", "weil", "wenn", "werden", "wie", "wir", "wird", "wurde", "wurden",
    "zu", "zum", "zur", "zwischen", "über",
};

static const char *const SW_NL[] = {
    "aan", "al", "als", "ben", "bij", "dan", "dat", "de", "der", "deze", "die", "dit",
    "door", "een", "en", "er", "had", "heb", "hebben", "heeft", "hem", "het", "hier",
    "hij", "hoe", "hun", "ik", "in", "is", "je", "kan", "maar", "me", "met", "mij",
    "na", "naar", "niet", "nog", "nu", "of", "om", "omdat", "ook", "op", "over", "te",
    "tegen", "toch", "tot", "u", "uit", "van", "veel", "voor", "want", "was", "wat",
    "we", "werd", "wie", "wij", "worden", "wordt", "zal", "ze", "zich", "zij", "zijn",
    "zo", "zoals",
};

static const char *const SW_IT[] = {
    "a", "ad", "agli", "ai", "al", "alla", "alle", "allo", "anche", "che", "chi", "ci",
    "come", "con", "da", "dal", "dalla", "dalle", "dei", "del", "della", "delle",
    "dello", "di", "e", "ed", "gli", "ha", "hanno", "i", "il", "in", "io", "la", "le",
    "lo", "loro", "ma", "mi", "ne", "nei", "nel", "nella", "nelle", "noi", "non", "o",
    "per", "più", "quale", "quando", "quello", "questa", "questo", "se", "si", "sono",
    "su", "sua", "sue", "sul", "sulla", "suo", "suoi", "tra", "un", "una", "uno", "è",
};

static const struct { const char *lang; const char *const *words; size_t n; } LISTS[] = {
    { "en", SW_EN, sizeof SW_EN / sizeof SW_EN[0] },
    { "fr", SW_FR, sizeof SW_FR / sizeof SW_FR[0] },
    { "es", SW_ES, sizeof SW_ES / sizeof SW_ES[0] },
    { "pt", SW_PT, sizeof SW_PT / sizeof SW_PT[0] },
    { "de", SW_DE, sizeof SW_DE / sizeof SW_DE[0] },
    { "nl", SW_NL, sizeof SW_NL / sizeof SW_NL[0] },
    { "it", SW_IT, sizeof SW_IT / sizeof SW_IT[0] },
};

static int cmp_word(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

static int list_of(const char *lang, const char *const **words, size_t *n)
{
    for (size_t i = 0; i < sizeof LISTS / sizeof LISTS[0]; i++)
        if (strcmp(LISTS[i].lang, lang) == 0) {
            *words = LISTS[i].words;
            *n = LISTS[i].n;
            return 1;
        }
    return 0;
}

int rt_stopwords_has(const char *lang, const char *w, size_t len)
{
    const char *const *words;
    size_t n;
    char key[64];
    if (len >= sizeof key || !list_of(lang, &words, &n))
        return 0;
    memcpy(key, w, len);
    key[len] = '\0';
    return bsearch(key, words, n, sizeof *words, cmp_word) != NULL;
}

size_t rt_stopwords_count(const char *lang)
{
    const char *const *words;
    size_t n;
    return list_of(lang, &words, &n) ? n : 0;
}

const char *rt_stopwords_get(const char *lang, size_t i)
{
    const char *const *words;
    size_t n;
    return list_of(lang, &words, &n) && i < n ? words[i] : NULL;
}
