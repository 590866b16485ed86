// ScriptApp: the project's triggers, as the daily rebuild sets them. Apps
// Script keeps triggers per user: each user sees and deletes only their own.
import { SERVICE, type Emulated } from './bridge';
import type { TriggerModel } from './model';
import type { RuntimeState } from './state';

const EVENT_TYPE = { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', ON_CHANGE: 'ON_CHANGE' } as const;
/** Apps Script's quota of triggers per user per script. */
const MAX_TRIGGERS = 20;

export class Trigger implements Emulated {
  readonly [SERVICE] = 'Trigger';

  constructor(readonly data: TriggerModel) {}

  getHandlerFunction(): string {
    return this.data.handler;
  }

  getUniqueId(): string {
    return this.data.id;
  }

  getEventType(): string {
    return this.data.eventType;
  }
}

export class ClockTriggerBuilder implements Emulated {
  readonly [SERVICE] = 'ClockTriggerBuilder';
  #everyDays: number | undefined;
  #atHour: number | null = null;
  #afterMs: number | undefined;

  constructor(private readonly state: RuntimeState, private readonly handler: string) {}

  everyDays(n: number): ClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) throw new Error('The number of days must be a whole number of at least 1.');
    this.#everyDays = n;
    return this;
  }

  atHour(hour: number): ClockTriggerBuilder {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error('The hour must be between 0 and 23.');
    this.#atHour = hour;
    return this;
  }

  /** A one-off trigger, this many milliseconds from now; not with a daily schedule. */
  after(milliseconds: number): ClockTriggerBuilder {
    if (!Number.isInteger(milliseconds) || milliseconds < 0) throw new Error('The duration must be a whole number of milliseconds.');
    this.#afterMs = milliseconds;
    return this;
  }

  create(): Trigger {
    if ((this.#everyDays === undefined) === (this.#afterMs === undefined)) {
      throw new Error('The trigger needs one schedule (everyDays or after) before create().');
    }
    const { model, user } = this.state;
    if (model.triggers.filter((t) => t.user === user).length >= MAX_TRIGGERS) {
      throw new Error('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    }
    const id = String(Math.max(1_000_000, ...model.triggers.map((t) => Number(t.id) || 0)) + 1);
    const schedule = this.#afterMs === undefined ? { everyDays: this.#everyDays!, atHour: this.#atHour } : { everyDays: 0, atHour: null, afterMs: this.#afterMs };
    const data: TriggerModel = { id, handler: this.handler, user, eventType: 'CLOCK', ...schedule };
    model.triggers.push(data);
    return new Trigger(data);
  }
}

export class TriggerBuilder implements Emulated {
  readonly [SERVICE] = 'TriggerBuilder';

  constructor(private readonly state: RuntimeState, private readonly handler: string) {}

  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.state, this.handler);
  }
}

export class ScriptApp implements Emulated {
  readonly [SERVICE] = 'ScriptApp';

  constructor(private readonly state: RuntimeState) {}

  get EventType(): typeof EVENT_TYPE {
    return EVENT_TYPE;
  }

  newTrigger(functionName: string): TriggerBuilder {
    if (typeof functionName !== 'string' || functionName === '') {
      throw new Error("The parameters don't match the method signature for ScriptApp.newTrigger.");
    }
    return new TriggerBuilder(this.state, functionName);
  }

  /** This user's triggers of the project. */
  getProjectTriggers(): Trigger[] {
    return this.state.model.triggers.filter((t) => t.user === this.state.user).map((t) => new Trigger(t));
  }

  deleteTrigger(trigger: Trigger): void {
    if (!(trigger instanceof Trigger)) throw new Error("The parameters don't match the method signature for ScriptApp.deleteTrigger.");
    const triggers = this.state.model.triggers;
    const at = triggers.findIndex((t) => t.id === trigger.data.id && t.user === this.state.user);
    if (at >= 0) triggers.splice(at, 1);
  }
}
