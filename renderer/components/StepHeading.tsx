import { useEffect, useRef } from 'react';
import { useT } from '../i18n.ts';
import { useStore } from '../state/store.ts';

const STEPS = ['review', 'watermark', 'export'] as const;
export type StepName = (typeof STEPS)[number];

/** The numbered steps of a document: at the front desk the watermark comes from the organisation. */
export function workflowSteps(frontDesk: boolean): readonly StepName[] {
  return frontDesk ? STEPS.filter((s) => s !== 'watermark') : STEPS;
}

/**
 * The heading of a step. Focus moves to it when the step opens, so a screen reader announces
 * where the person now is ("Stap 2 van 3: Watermerk") and Tab starts from the top of the step.
 */
export function StepHeading({ step }: { step: StepName }) {
  const t = useT();
  const frontDesk = useStore((s) => s.frontDesk);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const steps = workflowSteps(frontDesk);
  return (
    <h2 className="step-heading" tabIndex={-1} ref={ref}>
      {t('ui.step_announce', {
        n: steps.indexOf(step) + 1,
        total: steps.length,
        name: t(`ui.step_${step}`),
      })}
    </h2>
  );
}
