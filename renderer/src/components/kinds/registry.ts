import type { EndpointKind } from '../../../../shared/domain';
import { ApplianceCreateForm } from './appliance/ApplianceCreateForm';
import { applianceCreateOptions, initialApplianceCreateDraft, validateApplianceCreate } from './appliance/create-options';
import { CinderCreateForm } from './cinder/CinderCreateForm';
import { CinderRestoreForm } from './cinder/CinderRestoreForm';
import { cinderCreateOptions, initialCinderCreateDraft, validateCinderCreate } from './cinder/create-options';
import { cinderRestoreOptions, initialCinderRestoreDraft, validateCinderRestore } from './cinder/restore-options';
import { initialJujuCreateDraft, jujuCreateOptions, validateJujuCreate } from './juju/create-options';
import { JujuCreateForm } from './juju/JujuCreateForm';
import { TroveCreateForm } from './trove/TroveCreateForm';
import { TroveRestoreForm } from './trove/TroveRestoreForm';
import { initialTroveCreateDraft, troveCreateOptions, validateTroveCreate } from './trove/create-options';
import { initialTroveRestoreDraft, troveRestoreOptions, validateTroveRestore } from './trove/restore-options';
import type { CreateContext, KindForm, RestoreContext } from './types';

export interface KindUi {
  /** Shown when the kind declares `hasCreateOptions`. */
  create?: KindForm<unknown, CreateContext>;
  /** Shown when the kind declares `hasRestoreOptions`. What must be typed comes from shared/restore-confirmation.ts, as in main. */
  restore?: KindForm<unknown, RestoreContext>;
}

/**
 * The registry stores forms whatever their draft type; the dialogs only ever hand a form the
 * draft its own `initialDraft` made, which is what makes this widening safe.
 */
function anyDraft<Draft, Context>(form: KindForm<Draft, Context>): KindForm<unknown, Context> {
  return form as unknown as KindForm<unknown, Context>;
}

const kindUis: Partial<Record<EndpointKind, KindUi>> = {
  cinder: {
    create: anyDraft({ initialDraft: initialCinderCreateDraft, validate: validateCinderCreate, toOptions: cinderCreateOptions, Form: CinderCreateForm }),
    restore: anyDraft({ initialDraft: initialCinderRestoreDraft, validate: validateCinderRestore, toOptions: cinderRestoreOptions, Form: CinderRestoreForm }),
  },
  trove: {
    create: anyDraft({ initialDraft: initialTroveCreateDraft, validate: validateTroveCreate, toOptions: troveCreateOptions, Form: TroveCreateForm }),
    restore: anyDraft({
      initialDraft: ({ backup }: RestoreContext) => initialTroveRestoreDraft(backup),
      validate: (draft, { backup }) => validateTroveRestore(draft, backup),
      toOptions: troveRestoreOptions,
      Form: TroveRestoreForm,
    }),
  },
  // Restores use the typed backup id through the generic RestoreDialog: no restore form.
  juju: {
    create: anyDraft({ initialDraft: initialJujuCreateDraft, validate: validateJujuCreate, toOptions: jujuCreateOptions, Form: JujuCreateForm }),
  },
  // Restores also go through the generic RestoreDialog (the typed backup id): the whole configuration is replaced.
  appliance: {
    create: anyDraft({
      initialDraft: initialApplianceCreateDraft,
      validate: validateApplianceCreate,
      toOptions: applianceCreateOptions,
      Form: ApplianceCreateForm,
    }),
  },
};

export function kindUi(kind: EndpointKind): KindUi {
  return kindUis[kind] ?? {};
}
