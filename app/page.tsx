import { redirect } from 'next/navigation';
import { CONTRACTS_PATH } from '@/lib/paths';

export default function Home() {
  redirect(CONTRACTS_PATH);
}
