import { useCallback, useRef, useState, type RefCallback } from "react";

/**
 * The element's width in CSS pixels, kept current as it resizes, so a chart
 * can be drawn at its real size (text then keeps its CSS size on a phone
 * instead of shrinking with a scaled viewBox). Null until measured.
 */
export function useMeasuredWidth<T extends HTMLElement>(): [RefCallback<T>, number | null] {
  const [width, setWidth] = useState<number | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((node: T | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!node) return;
    setWidth(Math.floor(node.getBoundingClientRect().width));
    observer.current = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.current.observe(node);
  }, []);
  return [ref, width];
}
