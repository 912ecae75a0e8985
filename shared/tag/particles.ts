/**
 * Lower-case particles inside a person's name, as written between given name and surname: "Walter van der
 * Vijver", "Lula da Silva", "Luca di Montezemolo", "Alwaleed bin Talal". Shared by recognition (joining a
 * name across them) and resolution (a name that opens with one is a surname).
 */
const PARTICLES = new Set(
  'van von de da di du del della der den la le dos das bin ibn ter ten zu'.split(' '),
);

export function isNameParticle(word: string): boolean {
  return PARTICLES.has(word);
}
