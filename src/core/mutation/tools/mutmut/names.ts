/**
 * mutmut 3's names (mutmut 3.8.1, `mutmut/utils/format_utils.py` `mangled_name_from_mutant_name`
 * and `orig_function_and_class_names_from_key`, `mutmut/mutation/trampoline_templates.py`
 * `mangle_function_name`): a mutant `shop.pricing.x_discounted__mutmut_3` is the function
 * `x_discounted__mutmut_3` of the mutated file, a variant of `x_discounted__mutmut_orig`, the
 * unmutated copy of `discounted`. Methods are mangled `xǁClassǁmethod`.
 */
export interface MutantNames {
  /** The generated function holding the mutant (the part after the last dot). */
  readonly variant: string;
  /** The generated unmutated copy of the function. */
  readonly orig: string;
  /** The function's name in the original file. */
  readonly functionName: string;
  readonly className: string | undefined;
}

export const CLASS_NAME_SEPARATOR = 'ǁ';

export function mutantNames(mutantName: string): MutantNames | undefined {
  const variant = mutantName.slice(mutantName.lastIndexOf('.') + 1);
  const marker = variant.indexOf('__mutmut_');
  if (marker <= 0) return undefined;
  const mangled = variant.slice(0, marker);
  const orig = `${mangled}__mutmut_orig`;
  if (mangled.startsWith(`x${CLASS_NAME_SEPARATOR}`)) {
    const parts = mangled.split(CLASS_NAME_SEPARATOR);
    if (parts.length !== 3 || parts[1] === '' || parts[2] === '') return undefined;
    return { variant, orig, functionName: parts[2] ?? '', className: parts[1] };
  }
  if (!mangled.startsWith('x_') || mangled.length === 2) return undefined;
  return { variant, orig, functionName: mangled.slice(2), className: undefined };
}
