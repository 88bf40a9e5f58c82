"""Arabic cleaning rules: navigation, related, newsletter, call to action, credits, bylines."""

from __future__ import annotations

from newscrawl.cleaning.model import LineKind
from newscrawl.cleaning.vocab import NAMES, Spec, anywhere, bio, bio_more, label, lead, whole

K = LineKind
# The person of an author's bio, taken up again.
_PRONOUNS = ("و?هو", "و?هي", "و?له", "و?لها")
_AR_WORD = r"(?:[\u0621-\u064A]+\s+)"
# Words that open a sentence about someone, not a name: "يذكر أن فلان هو ..."
_AR_NOT_A_NAME = (
    r"(?!(?:يذكر|ويذكر|يشار|ويشار|كان|وكان|قال|وقال|أن|إن|وأن|لكن|ولكن|يعتبر|ويعتبر|يعد|ويعد"
    r"|تعد|وتعد|هذا|هذه|ذلك|تلك|الذي|التي|وهو|وهي|هو|هي)\s)"
)
_AR_NAME = rf"{_AR_NOT_A_NAME}[\u0621-\u064A]+"

AR: list[Spec] = [
    (
        K.NAVIGATION,
        "label",
        whole(
            "زر الذهاب إلى الأعلى",
            "زر الذهاب الى الاعلى",
            "الذهاب إلى الأعلى",
            "العودة إلى الأعلى",
            "العودة للأعلى",
            "الرجوع للأعلى",
            "إلى الأعلى",
            "المقال التالي",
            "المقال السابق",
            "الخبر التالي",
            "الخبر السابق",
            "التالي",
            "السابق",
            "الرئيسية",
            "الصفحة الرئيسية",
            "شارك",
            "شارك المقال",
            "مشاركة",
            "طباعة",
            "تعليقات",
            "التعليقات",
            "أضف تعليق",
            "اترك تعليقاً?",
            "إغلاق",
            "جميع الحقوق محفوظة",
            "تسجيل الدخول",
            "اشترك",
        ),
        8,
        "",
    ),
    (
        K.NAVIGATION,
        "taxonomy",
        label(
            "الوسوم",
            "وسوم",
            "كلمات مفتاحية",
            "كلمات دلالية",
            "الكلمات المفتاحية",
            "التصنيفات",
            "تصنيف",
            "الأقسام",
        ),
        25,
        "",
    ),
    (
        K.SOURCE_CREDIT,
        "source_label",
        label(
            "المصدر",
            "المصادر",
            "مصدر الخبر",
            "مصدر",
            "عن",
            "نقلاً? عن",
        ),
        14,
        "credit",
    ),
    (K.SOURCE_CREDIT, "quoted_from", r"(?:نقلا|نقلاً|بتصرف|منقول)\s+(?:عن|من)\s+.{1,100}", 10, ""),
    (
        K.SOURCE_CREDIT,
        "originally",
        r"(?:نشر|نُشر|نشرت|نُشرت) (?:هذا|هذه) (?:المقال|المادة|التقرير|الخبر)\b.{0,250}",
        50,
        "",
    ),
    (
        K.BYLINE,
        "by",
        rf"(?:بقلم\s*[:：]?|(?:كتب|كتبت|الكاتب|الكاتبة|إعداد|اعداد|تحرير|كتبه|بواسطة)"
        rf"\s*[:：])\s*{NAMES}",
        8,
        "names",
    ),
    (  # an author box's label: the name under it is a byline (rules.py, "labelled_name")
        K.NAVIGATION,
        "author_label",
        r"(?:بقلم|الكاتب|الكاتبة|(?:نبذة )?عن (?:الكاتب|الكاتبة|المؤلف))\s*[:：]?",
        4,
        "",
    ),
    (  # a reviewer's box: the name under it is no author (rules.py, "reviewer_name")
        K.NAVIGATION,
        "reviewer_label",
        r"(?:راجعه|راجعته|مراجعة وتدقيق|تدقيق)\s*[:：]?",
        3,
        "",
    ),
    (  # an author's bio closing the text: the cleaner tries it on the last paragraphs only;
        # Arabic script has no capitals, so the name is any few words and "هو"/"هي" must follow
        K.AUTHOR_BIO,
        "bio",
        bio(
            copulas=("هو|هي",),
            writing_roles=(r"(?:ال)?(?:كاتبة?|صحفية?|صحافية?|محررة?|مراسلة?|إعلامية?|روائية?)",),
            roles=(
                r"(?:ال)?(?:باحثة?|أستاذة?|مؤسسة?|مديرة?|خبيرة?|محللة?|طبيبة?|محامية?)",
                r"(?:ال)?(?:أكاديمية?|مستشارة?|رئيسة?|مهندسة?)",
            ),
            verbs=(r"أسس|أسست|يكتب|تكتب",),
            reporting=(r"قال|وقال|قالت|وقالت|أضاف|وأضاف|أضافت|وأضافت|صرح|أكد|وأكد|وفقا|بحسب",),
            pronouns=_PRONOUNS,
            role_gap=_AR_WORD + r"{0,2}?",
            author_nouns=(r"(?:ال)?كاتبة? المقال|المؤلفة?",),
            labels=(r"(?:نبذة )?عن (?:الكاتب|الكاتبة)",),
            person=rf"{_AR_NAME}(?:\s+[\u0621-\u064A]+){{0,3}}",
            full_name=rf"{_AR_NAME}(?:\s+[\u0621-\u064A]+){{1,3}}",
        ),
        150,
        "tail",
    ),
    (K.AUTHOR_BIO, "bio_more", bio_more(_PRONOUNS), 120, "tail after:bio after:bio_more"),
    (
        K.RELATED,
        "label",
        lead(
            "[اإ]قرأ أيضاً?",
            "اقرأ ايضا",
            "اقرا ايضا",
            "اقرأ كذلك",
            "اقرأ المزيد",
            "مواضيع ذات صلة",
            "مقالات ذات صلة",
            "أخبار ذات صلة",
            "موضوعات ذات صلة",
            "أخبار متعلقة",
            "مواضيع متعلقة",
            "مقالات مشابهة",
            "الأكثر قراءة",
            "الأكثر مشاهدة",
            "شاهد أيضاً?",
            "قد يعجبك أيضا",
            "قد يهمك",
            "المزيد من الأخبار",
            "ذات صلة",
        ),
        30,
        "",
    ),
    (  # a share bar printed as text ("انقر للمشاركة على فيسبوك (فتح في نافذة جديدة)")
        K.NAVIGATION,
        "share_widget",
        r"(?:انقر للمشاركة على \S+|انقر للطباعة)(?:\s*\(?(?:فتح|تفتح|يفتح) في (?:نافذة جديدة"
        r"|علامة تبويب جديدة)\)?)?(?:\s+\S+)?"
        r"|\(?(?:فتح|تفتح|يفتح) في (?:نافذة جديدة|علامة تبويب جديدة)\)?"
        r"|(?:شارك|مشاركة)(?: المقال| الخبر)? (?:على|عبر)\s*[:：]?(?:\s+\S+)?",
        14,
        "",
    ),
    (  # a sign-up prompt that opens the line, however long
        K.NEWSLETTER,
        "signup_lead",
        r"(?:اشترك|اشتركوا|اشترك الآن|سجل)(?: الآن)? في (?:النشرة|نشرتنا)\b.*",
        45,
        "",
    ),
    (
        K.NEWSLETTER,
        "signup",
        r"(?:اشترك|اشتركوا|سجل)\s.{0,60}(?:النشرة|نشرتنا|البريد)\b",
        30,
        "anywhere",
    ),
    (
        K.CTA,
        "social",
        anywhere(
            "تابعونا",
            "تابعوا",
            "تابعنا",
            "لمزيد من الأخبار",
            "للمزيد من الأخبار",
            "لمزيد من المعلومات",
            "و?للتواصل الاجتماعي",
            "اضغط هنا",
            "انقر هنا",
            "حم[ّ]?ل تطبيق",
            "انضم(?:وا)? إلى (?:قناتنا|مجموعتنا|قناة)",
            "شارك(?:وا)? (?:المقال|الخبر)",
            "اشترك(?:وا)? في قناتنا",
        ),
        30,
        "anywhere",
    ),
]
