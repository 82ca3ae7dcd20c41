// The stub's powerMonitor.
import { EventEmitter } from 'node:events';

export /** powerMonitor: an EventEmitter the test emits 'lock-screen' / 'suspend' on, and an idle time it sets. */
class FakePowerMonitor extends EventEmitter {
  idleSeconds = 0;
  getSystemIdleTime(): number {
    return this.idleSeconds;
  }
}
