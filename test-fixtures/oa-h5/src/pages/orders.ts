import axios from 'axios';

interface Order {
  id: string;
  total: number;
}

// The order service's legacy endpoint still listens on plain HTTP, with the openid in the query.
export async function loadOrders(openid: string): Promise<Order[]> {
  const { data } = await axios.get<Order[]>(`http://api.shop.example.com/orders?openid=${openid}`); // violation: require-https
  return data;
}

// Leave the page when the user pressed "back to mall": a gesture, own origin — compliant.
export function backToMall(event: MouseEvent): void {
  event.preventDefault();
  location.assign('/mall');
}

document.querySelector('#back')?.addEventListener('click', (event) => backToMall(event as MouseEvent));
