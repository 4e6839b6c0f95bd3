/** Words that carry no meaning for catalog search, in the callers' three languages (folded). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  // English
  (
    'a an and are as at be but by can could do does did for from have has had how i if in is ' +
    'it its me my of on or our so that the their them there this to was we what when where ' +
    'which who why will with would you your am any some about need want looking like get ' +
    // Spanish
    'el la los las un una unos unas y o de del al en por para con que como cual cuanto ' +
    'cuanta cuantos es son tengo tiene tienen hay mi mis su sus yo me se lo le ' +
    'quiero necesito busco puedo algo esta este estos ' +
    // French
    'le les une des et ou du au aux en par pour avec que qui quel quelle est sont ai ' +
    'avez a il y je me mon ma mes votre vos ce cette ces veux voudrais cherche peux ' +
    'combien'
  ).split(' ')
)
