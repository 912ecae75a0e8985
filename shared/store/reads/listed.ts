/** A page of a list: its items and, when more follow, where the next page starts. */
export interface Listed<T, P> {
  items: T[];
  next?: P;
}
