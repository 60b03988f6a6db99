import { describe, expect, it } from 'vitest';
import { withRussianLetters } from './russian-letters.js';

describe('Kazakh letters and ё read as the Russian letters typed for them', () => {
  it('maps each in either case and leaves every other letter as it is', () => {
    expect(withRussianLetters('Қазпошта: ӘҒҚҢӨҰҮҺІЁ әғқңөұүһіё')).toBe('Казпошта: АГКНОУУХИЕ агкноуухие');
    expect(withRussianLetters('Всё пришло, йогурт')).toBe('Все пришло, йогурт'); // й is not и
    const plain = 'Kaspi, Каспи';
    expect(withRussianLetters(plain)).toBe(plain);
  });
});
