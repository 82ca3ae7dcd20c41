// The stub's Electron event objects.
/** Electron's event objects: `preventDefault()` plus whatever details the event carries. */
export class FakeEvent<Details extends object = object> {
  defaultPrevented = false;
  constructor(details?: Details) {
    Object.assign(this, details);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export const fakeEvent = <Details extends object>(details: Details): FakeEvent & Details =>
  new FakeEvent(details) as FakeEvent & Details;
