// Handlers of the train:*, runs:* and dialog:chooseFolder channels, over the host's training service.
import type { TrainingService } from '../training-service';
import type { HandlerGroup } from './types';

type TrainChannels =
  | 'train:start'
  | 'train:pause'
  | 'train:resume'
  | 'train:stop'
  | 'train:status'
  | 'train:backend'
  | 'train:augmentPreview'
  | 'train:watch'
  | 'dialog:chooseFolder';
type RunsChannels = 'runs:list' | 'runs:read' | 'runs:rename' | 'runs:delete';

function missing(): Error {
  return new Error('This window has no training engine: restart the app.');
}

/** `chooseFolder` is the native folder dialog; absent in the browser, where the panel takes a typed path. */
export function trainHandlers(
  service?: TrainingService,
  chooseFolder?: () => Promise<string | null>,
): HandlerGroup<TrainChannels | RunsChannels> {
  const s = (): TrainingService => {
    if (!service) throw missing();
    return service;
  };
  return {
    'train:start'(req) {
      s().start(req);
      return { started: true as const };
    },
    'train:pause': () => s().pause(),
    'train:resume': () => s().resume(),
    'train:stop': () => s().stop(),
    'train:status': () => ({ busy: s().busy }),
    'train:backend': () => s().backend(),
    'train:augmentPreview': (req) => s().augmentPreview(req),
    'train:watch': ({ input, every }) => s().watch(input, every),
    async 'dialog:chooseFolder'() {
      if (!chooseFolder)
        throw new Error('This window cannot show a folder dialog: type the folder path instead.');
      return chooseFolder();
    },
    'runs:list': () => s().listRuns(),
    'runs:read': ({ id }) => s().readRun(id),
    'runs:rename': ({ id, name }) => s().renameRun(id, name),
    'runs:delete': ({ id }) => s().deleteRun(id),
  };
}
