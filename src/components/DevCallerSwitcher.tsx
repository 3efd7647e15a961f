/** The demo-caller switcher exists only in the local H5 build (DevCallerSwitcher.h5.tsx). */
export function DevCallerSwitcher(_props: { onChange?: () => void }) {
  return null;
}
