/** The public marketplace's shapes, as GET /api/market/listings answers them; wei is a decimal string. */
export interface CreatorRef {
  handle: string;
  displayName: string;
}

export interface ListingCard {
  listingId: string;
  artworkId: string;
  title: string;
  creator: CreatorRef;
  model: string;
  priceWei: string;
  minted: boolean;
  likes: number;
  thumbnail: string;
  image: string;
  listedAt: string;
}

export interface ListingPage {
  items: ListingCard[];
  nextCursor: string | null;
}
