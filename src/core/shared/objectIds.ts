/**
 * A number per object, the same number for as long as the object lives and a new one for any
 * other object: object identity told as plain data (the test hooks use it to show that a reload
 * kept a file's model objects). Held weakly: naming an object never keeps it alive.
 */
export class ObjectIds {
  private readonly ids = new WeakMap<object, number>();
  private next = 1;

  of(object: object): number {
    const known = this.ids.get(object);
    if (known !== undefined) return known;
    const id = this.next++;
    this.ids.set(object, id);
    return id;
  }
}
