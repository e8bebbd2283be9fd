/**
 * t:none — identity. In a rule, `t:none` also clears the transformations inherited from
 * SecDefaultAction; that is the rule compiler's job, the function itself does nothing.
 */
export function none(input: string): [string, boolean] {
  return [input, false];
}
