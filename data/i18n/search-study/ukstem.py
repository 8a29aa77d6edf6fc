"""Light Ukrainian suffix stripper written for this experiment (NOT Snowball).
Mirrored 1:1 in ukstem.js; test_agree.mjs checks both give identical output."""
APOS = "'’ʼ`"
REFLEXIVE = ("ся", "сь")
# ending list: longest match wins; stem must keep >= 3 letters and a vowel
ENDINGS = sorted(set("""
ами ями ах ях ам ям ів їв ей ою ею єю ові еві єві ом ем єм
ія ії ію ією ією іям іями іях ієві
ого ому ими іми ьої ього ьому ої ій ий их іх им ім ую юю ая яя ее ій
ати яти ити іти ути ти ть уть ють ать ять ить іть ємо емо имо імо ете єте ите іте
ла ло ли в
а я о е є і ї и у ю ь
""".split()), key=lambda s: (-len(s), s))
VOWELS = set("аеєиіїоуюя")

def _has_vowel(s):
    return any(c in VOWELS for c in s)

def stem(word: str) -> str:
    w = word.lower()
    for a in APOS:
        w = w.replace(a, "")
    if len(w) <= 3:
        return w
    for r in REFLEXIVE:
        if w.endswith(r) and len(w) - len(r) >= 4:
            w = w[: -len(r)]
            break
    if w.endswith("ець") and len(w) >= 6:
        # fleeting vowel: -ець -> -ц (військовослужбовець / військовослужбовця)
        w = w[:-3] + "ц"
    else:
        for e in ENDINGS:
            if w.endswith(e) and len(w) - len(e) >= 3 and _has_vowel(w[: -len(e)]):
                w = w[: -len(e)]
                break
        if w.endswith("ь") and len(w) >= 4:
            w = w[:-1]
    # -ння / -нь: drop a doubled final consonant (провадження / проваджень)
    if len(w) >= 5 and w[-1] == w[-2] and w[-1] not in VOWELS:
        w = w[:-1]
    return w
