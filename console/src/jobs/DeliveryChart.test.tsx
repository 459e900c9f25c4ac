import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DeliveryChart } from './DeliveryChart';

describe('DeliveryChart', () => {
  it('stacks origin below peers and states the latest figures for screen readers', () => {
    const { container } = render(<DeliveryChart samples={[{ at: 0, peers: 0, origin: 0 }, { at: 60_000, peers: 3 * 1024 ** 2, origin: 1024 ** 2 }]} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Delivered bytes over time: 3.00 MiB from peers, 1.00 MiB from the origin');
    const [origin, peers] = Array.from(container.querySelectorAll('path'));
    expect(origin.getAttribute('class')).toBe('chart-origin');
    expect(peers.getAttribute('d')).toMatch(/^M64\.0,172\.0L628\.0,12\.0L628\.0,132\.0L64\.0,172\.0Z$/);
  });

  it('waits for a second point before drawing', () => {
    render(<DeliveryChart samples={[{ at: 0, peers: 0, origin: 0 }]} />);
    expect(screen.getByText('The chart starts with the next progress update.')).toBeTruthy();
  });
});
