import type { DiagnosticRow } from '../helpers';

/** Every Survived mutant of src/cart.ts in the real report (test/fixtures/sample-project/EXPECTED.md), as diagnostics. */
export const CART_DIAGNOSTICS: DiagnosticRow[] = [
  [23, 6, 23, 21, 'Warning', 'EqualityOperator', 'Survived: EqualityOperator "quantity >= 100" → "quantity > 100"'],
  [24, 6, 24, 20, 'Warning', 'ConditionalExpression', 'Survived: ConditionalExpression "quantity >= 10" → "false"'],
  [24, 6, 24, 20, 'Warning', 'EqualityOperator', 'Survived: EqualityOperator "quantity >= 10" → "quantity > 10"'],
  [29, 19, 29, 48, 'Warning', 'EqualityOperator', 'Survived: EqualityOperator "amount < discount.minSubtotal" → "amount <= discount.minSubtotal"'],
  [29, 52, 29, 73, 'Warning', 'ConditionalExpression', 'Survived: ConditionalExpression "discount.percent <= 0" → "false"'],
  [29, 52, 29, 73, 'Warning', 'EqualityOperator', 'Survived: EqualityOperator "discount.percent <= 0" → "discount.percent < 0"'],
  [32, 25, 32, 73, 'Warning', 'ArithmeticOperator', 'Survived: ArithmeticOperator "(amount * Math.min(discount.percent, 100)) / 100" → "amount * Math.min(discount.percent, 100) * 100"'],
  [32, 26, 32, 66, 'Warning', 'ArithmeticOperator', 'Survived: ArithmeticOperator "amount * Math.min(discount.percent, 100)" → "amount / Math.min(discount.percent, 100)"'],
  [32, 35, 32, 66, 'Warning', 'MethodExpression', 'Survived: MethodExpression "Math.min(discount.percent, 100)" → "Math.max(discount.percent, 100)"'],
  [33, 9, 33, 34, 'Warning', 'MethodExpression', 'Survived: MethodExpression "Math.max(0, amount - off)" → "Math.min(0, amount - off)"'],
  [38, 29, 38, 59, 'Warning', 'ArrowFunction', 'Survived: ArrowFunction "(n, item) => n + item.quantity" → "() => undefined"'],
  [38, 42, 38, 59, 'Warning', 'ArithmeticOperator', 'Survived: ArithmeticOperator "n + item.quantity" → "n - item.quantity"'],
  [39, 26, 39, 60, 'Warning', 'ArithmeticOperator', 'Survived: ArithmeticOperator "(gross * bulkPercent(units)) / 100" → "gross * bulkPercent(units) * 100"'],
  [40, 23, 40, 35, 'Warning', 'ArithmeticOperator', 'Survived: ArithmeticOperator "gross - bulk" → "gross + bulk"'],
];
